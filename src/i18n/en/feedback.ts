import type { Translation } from '../translation.js';

/** English labels of <help-feedback>. */
const feedback: Translation['feedback'] = {
  question: 'How would you rate this article?',
  scale: {
    stars: '{{value}} of {{max}} stars',
    thumbs: { '1': 'No, not helpful', '2': 'Yes, helpful' },
    faces: { '1': 'Unhappy', '2': 'Okay', '3': 'Happy' },
  },
  reasonsLegend: 'What could we improve? (optional)',
  reasons: {
    'missing-info': 'Information is missing',
    'hard-to-understand': 'Hard to understand',
    outdated: 'Wrong or outdated',
    'not-solved': 'Did not solve my problem',
    other: 'Other',
  },
  commentLabel: 'Your comment (optional)',
  commentHint: 'Please do not include personal data such as your email address or phone number.',
  commentGoesAlong: 'Your comment is sent with your rating.',
  removeComment: 'Remove comment',
  addComment: 'Add a comment (optional)',
  counter: '{{count}} of {{max}} characters',
  counterFull: '{{count}} characters – no more fits into one response',
  submit: 'Send feedback',
  chooseRating: 'Please choose a rating first.',
  sending: 'sending…',
  offline: 'No connection – we will send it automatically as soon as you are back online',
  unreachable: 'The feedback service cannot be reached right now – we will keep trying automatically.',
  retrying: 'Sending did not work – we will try again automatically.',
  thanks: 'Thank you for your feedback.',
  again: 'Give feedback again?',
  error: {
    failed: 'Your feedback could not be sent. It stays saved and will be sent again later.',
    refused: 'The server refused your feedback (error {{status}}).',
  },
  retry: 'Send again',
  summary_one: '{{count}} reader rated this article',
  summary_other: '{{count}} readers rated this article',
  honeypot: 'Please leave this field empty',
};

export default feedback;
