/** German labels of <help-share>. */
export default {
  label: 'Teilen',
  targets: {
    copy: 'Link kopieren',
    email: 'Per E-Mail senden',
    whatsapp: 'Per WhatsApp teilen',
    linkedin: 'Auf LinkedIn teilen',
    xing: 'Auf XING teilen',
    facebook: 'Auf Facebook teilen',
    x: 'Auf X teilen',
    print: 'Drucken',
    native: 'Mit einer anderen App teilen',
  },
  newWindow: 'öffnet in neuem Fenster',
  copied: 'Link kopiert',
  copyFailed: 'Link konnte nicht kopiert werden. Bitte kopieren Sie ihn aus der Adresszeile.',
};
