import { byId } from './dom.ts';

/**
 * After the show: the results card the PR team posts, fetched from /api/recap.png with the producer's
 * token (an <img> cannot send it), shown here and offered as a download.
 */
export function recapPanel(token: () => string, say: (text: string, kind: 'ok' | 'error') => void) {
  const ui = {
    show: byId<HTMLButtonElement>('recap-show'),
    size: byId<HTMLSelectElement>('recap-size'),
    lang: byId<HTMLSelectElement>('recap-lang'),
    image: byId<HTMLImageElement>('recap-image'),
    download: byId<HTMLAnchorElement>('recap-download'),
  };
  let objectUrl: string | null = null;
  ui.show.addEventListener('click', async () => {
    ui.show.disabled = true;
    say('Rendering the results card…', 'ok');
    try {
      const query = new URLSearchParams({ size: ui.size.value, lang: ui.lang.value });
      const response = await fetch(`/api/recap.png?${query}`, { headers: { authorization: `Bearer ${token()}` } });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        return say(body?.error?.message ?? `the feed answered ${response.status}`, 'error');
      }
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = URL.createObjectURL(await response.blob());
      ui.image.src = objectUrl;
      ui.image.hidden = false;
      ui.download.href = objectUrl;
      ui.download.download = `recap-${ui.lang.value}-${ui.size.value}.png`;
      ui.download.hidden = false;
      say('Results card ready.', 'ok');
    } catch (error) {
      say(`the results card could not be fetched: ${(error as Error).message}`, 'error');
    } finally {
      ui.show.disabled = false;
    }
  });
  return {
    render(connected: boolean): void {
      ui.show.disabled = !connected;
    },
  };
}
