import { describe, expect, it, vi } from 'vitest';
import { CANNOT_READ_MESSAGE, NOT_RUNNING_MESSAGE, forwardVia } from '../../../extension/background/forward';
import { BackgroundMessage } from '../../../extension/messages';

describe('forwardVia', () => {
  it('sends to the top frame of the tab', async () => {
    const tabs = { sendMessage: vi.fn(async () => ({ ok: true, value: null })) };
    await forwardVia(tabs)(3, { type: BackgroundMessage.Rescan });
    expect(tabs.sendMessage).toHaveBeenCalledWith(3, { type: BackgroundMessage.Rescan }, { frameId: 0 });
  });

  it('passes on the content script\'s refusal', async () => {
    const tabs = { sendMessage: vi.fn(async () => ({ ok: false, error: 'That finding is no longer on the page.' })) };
    await expect(forwardVia(tabs)(3, { type: BackgroundMessage.FocusFinding, findingId: 's1-2' })).rejects.toThrow('no longer on the page');
  });

  it('says so in plain words when no content script runs in the tab', async () => {
    const tabs = { sendMessage: vi.fn(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))) };
    await expect(forwardVia(tabs)(3, { type: BackgroundMessage.Rescan })).rejects.toThrow(NOT_RUNNING_MESSAGE);
  });
});

describe('forwardVia with inject (what the user asked for)', () => {
  const noReceiver = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

  it('sends as forwardVia where the content script runs, without injecting', async () => {
    const tabs = { sendMessage: vi.fn(async () => ({ ok: true, value: null })) };
    const inject = vi.fn(async () => undefined);
    await forwardVia(tabs, inject)(3, { type: BackgroundMessage.Rescan });
    expect(inject).not.toHaveBeenCalled();
    expect(tabs.sendMessage).toHaveBeenCalledOnce();
  });

  it('puts the content script into the tab, then sends again', async () => {
    let running = false;
    const tabs = { sendMessage: vi.fn(async () => (running ? { ok: true, value: null } : noReceiver())) };
    const inject = vi.fn(async () => {
      running = true;
    });
    await forwardVia(tabs, inject)(3, { type: BackgroundMessage.Rescan });
    expect(inject).toHaveBeenCalledExactlyOnceWith(3);
    expect(tabs.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('says the page is off limits when the browser refuses the script, and passes refusals on untouched', async () => {
    const inject = vi.fn(async () => Promise.reject(new Error('Cannot access a chrome:// URL')));
    await expect(forwardVia({ sendMessage: vi.fn(noReceiver) }, inject)(3, { type: BackgroundMessage.Rescan })).rejects.toThrow(CANNOT_READ_MESSAGE);
    const refusing = { sendMessage: vi.fn(async () => ({ ok: false, error: 'That finding is no longer on the page.' })) };
    await expect(forwardVia(refusing, inject)(3, { type: BackgroundMessage.Rescan })).rejects.toThrow('no longer on the page');
    expect(inject).toHaveBeenCalledOnce();
  });
});
