// The page's first Intl.NumberFormat loads ICU's data: 30-60 ms of the main thread in OBS's Chromium
// drawing in software, whatever the locale. This script is fetched beside the overlay's modules and runs as
// soon as it arrives, while the page waits for them; every format made later (the meter's money, its
// compact labels) then takes a fraction of a millisecond, on the way to the first frame. A plain script,
// not a module, so that it runs before them; it shows nothing and its result is thrown away.
new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', notation: 'compact' }).format(1);
