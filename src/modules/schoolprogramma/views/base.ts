// Addresses of the school programme's pages.

/** /scholen/12/schoolprogramma — the plan's home page. */
export const planBase = (schoolId: number) => `/scholen/${schoolId}/schoolprogramma`;
