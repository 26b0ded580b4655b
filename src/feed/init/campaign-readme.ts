/**
 * The README `init` writes beside campaign.json: JSON holds no comments, so the documentation of every
 * field lives here, next to the file it explains.
 */
export function campaignReadme(campaignFile: string, rosterFile: string): string {
  return `# Your Local Love campaign

Two files to edit, then run the show:

    npx local-love-overlay check --campaign ${campaignFile}
    npx local-love-overlay start --campaign ${campaignFile}

\`start\` prints the URL to add in OBS as a browser source (1920x1080). A mistake in either file stops
the start with the file, the field and what is wrong, and nothing runs until it is fixed.

## campaign.json

| field | what it means |
|---|---|
| \`id\` | a short name for this campaign: 1-40 characters of a-z, 0-9 and \`-\`. The audit report is named after it. |
| \`name.ja\`, \`name.en\` | the campaign's title, in Japanese and in English. |
| \`currency\` | the donation's currency, as an ISO 4217 code: \`JPY\`, \`USD\`, \`EUR\`... |
| \`goalMinor\` | the goal, in minor units of the currency, as a whole number: for JPY, yen (\`20000000\` is ¥20,000,000); for USD, cents (\`15000000\` is $150,000.00). |
| \`capMinor\` | the most the sponsors give, in minor units, at least the goal. The meter stops counting there. |
| \`rates\` | how reactions become money: for each of \`likes\`, \`comments\`, \`shares\` and \`giftDiamonds\`, \`amountMinor\` minor units for every \`per\` reactions (\`{ "amountMinor": 1, "per": 10 }\` is 1 yen per 10 likes). Whole numbers only. |
| \`regions\` | the places the money goes to: an \`id\` (a-z, 0-9, \`-\`) and a \`name\` in \`ja\` and \`en\`; \`goalMinor\` optionally gives a region its own goal; \`location\` (\`{ "lat": 37.39, "lon": 136.9 }\`) places its mark on the region board's map. \`?region=ID\` on the overlay URL shows one region. |
| \`markets\` | the audiences watching (countries): \`id\` and \`name\`, like regions. |
| \`milestones\` | amounts the meter celebrates: \`atMinor\` (minor units) and a \`label\` in \`ja\` and \`en\`. |
| \`stretchGoals\` | goals the meter moves on to once the goal is reached, in order: \`atMinor\` (above \`goalMinor\`, at most \`capMinor\`) and an optional \`label\`. After the last, the cap is the end. \`stretchStepMinor\` instead (or after them) moves the goal on by that much each time. Leave both out to keep one goal. |
| \`rosterCsv\` | the file of people a producer can put on air as lower thirds (see below). Or give the people inline as \`"roster": [...]\`, not both. |
| \`streams\` | the TikTok LIVE streams to follow when the show runs with \`TIKTOK=on\`: \`uniqueId\` (the name after @ in tiktok.com/@name/live), the \`region\` and \`market\` its reactions count for, and a \`label\` producers recognise. Empty (\`[]\`) when reactions come only from the ingest API. |

## ${rosterFile}

One person per row; open it in a spreadsheet and export it as CSV (UTF-8) again. The first row names
the columns and stays as it is:

| column | what it means |
|---|---|
| \`id\` | a short name for the person (a-z, 0-9, \`-\`), used by the control page. |
| \`nameJa\` | the name in Japanese, as it is shown. |
| \`nameLatin\` | the name in Latin letters (romaji or English). |
| \`titleJa\`, \`titleEn\` | what they do, in Japanese and in English. |
| \`region\` | the \`id\` of one of the campaign's regions. |
| \`photo\` | the address of a square photo, or empty for none. The sample people's photos are served by the overlay itself (\`/assets/roster/...\`). |

## Before the show

\`check\` lists what would fail on air: this file, the tokens, the data directory, Redis, the TikTok
users and whether they are live, the clock, the port and the fonts. Set the tokens once and keep them:

    export CONTROL_TOKEN=...   # the control page's password (43 random characters; start prints a fresh one when unset)
    export INGEST_TOKEN=...    # the ingest API's key, different from CONTROL_TOKEN

\`npx local-love-overlay start --help\` lists every setting.
`;
}
