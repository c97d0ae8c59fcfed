// The dashboard's headings around the key figures and the next actions (the rest of its texts
// are dashboardText in ../messages.ts).
import { defineMessages } from '../../../platform/i18n/i18n.ts';

export const dashboardSectionText = defineMessages({
  nl: {
    figures: 'Kerncijfers',
    actions: 'Wat u nu kunt doen',
  },
  en: {
    figures: 'Key figures',
    actions: 'What you can do now',
  },
});
