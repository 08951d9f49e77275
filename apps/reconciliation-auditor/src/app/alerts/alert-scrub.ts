import type { AlertMessage } from '@wair-sfcc/audit-rules';

// Exception details are written by rules from SKUs and order numbers, never from customer data;
// this is the belt to those braces, for text that arrives from other apps' exceptions.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Masks e-mail addresses in free text (SKU and order numbers stay readable). */
export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]');
}

/** The message with personal data masked in every free-text field. */
export function scrubAlertMessage(m: AlertMessage): AlertMessage {
  return {
    ...m,
    title: scrubText(m.title),
    text: scrubText(m.text),
    subjects: m.subjects.map(scrubText),
  };
}
