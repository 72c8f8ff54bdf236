import { errorSentence } from '@/components/error-sentence';
import { translator } from '@/lib/i18n';

describe('errorSentence', () => {
  it('says Gatekeeper sent nothing when it refused a request itself', () => {
    const text = errorSentence(translator('en'), { kind: 'bad-request', serverMessage: 'already handled', localRefusal: 'in-progress-elsewhere' });
    expect(text).toBe('Nothing was sent: this request is already being handled in another tab or window. Wait for that result.');
  });

  it('writes local refusals in Norwegian Bokmål without English detail', () => {
    const text = errorSentence(translator('nb'), { kind: 'bad-request', serverMessage: 'The new end date must be in the future.', localRefusal: 'end-not-in-future' });
    expect(text).toBe('Ingenting ble sendt: den nye sluttdatoen må være fram i tid.');
  });

  it('keeps Gravitee failures with their status', () => {
    expect(errorSentence(translator('en'), { kind: 'server', status: 502 })).toContain('(HTTP 502)');
  });
});
