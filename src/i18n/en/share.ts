import type { Translation } from '../translation.js';

/** English labels of <help-share>. */
const share: Translation['share'] = {
  label: 'Share',
  targets: {
    copy: 'Copy link',
    email: 'Send by email',
    whatsapp: 'Share on WhatsApp',
    linkedin: 'Share on LinkedIn',
    xing: 'Share on XING',
    facebook: 'Share on Facebook',
    x: 'Share on X',
    print: 'Print',
    native: 'Share with another app',
  },
  short: {
    copy: 'Copy link',
    email: 'Email',
    whatsapp: 'WhatsApp',
    linkedin: 'LinkedIn',
    xing: 'XING',
    facebook: 'Facebook',
    x: 'X',
    print: 'Print',
    native: 'Share …',
  },
  more: 'More',
  moreLabel: 'More ways to share',
  newWindow: 'opens in a new window',
  copied: 'Link copied',
  copyFailed: 'Could not copy the link. Please copy it from the address bar.',
};

export default share;
