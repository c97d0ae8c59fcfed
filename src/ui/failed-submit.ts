// Whether the page being rendered tells of a failed submit (an error summary or an error
// message after a POST). Rendering is synchronous, so the components note it here while the
// document renders and renderDocument (platform/http/render.ts) then starts the title with
// "Fout: " — the title is already written by the time the summary further down renders.
let noted = false;

/** Called by ErrorSummary and FailedSubmitMessage when they show something. */
export function noteFailedSubmit() {
  noted = true;
}

/** Runs one synchronous render and says whether a failed submit was shown in it. */
export function trackFailedSubmit(render: () => string): { html: string; failed: boolean } {
  const outer = noted;
  noted = false;
  try {
    const html = render();
    return { html, failed: noted };
  } finally {
    noted = outer;
  }
}

/** The document with its title starting "Fout: " (or "Error: " on an English page). */
export function withErrorTitle(html: string): string {
  const prefix = /^<html[^>]*\slang="en"/.test(html) ? 'Error: ' : 'Fout: ';
  return html.replace('<title>', `<title>${prefix}`);
}
