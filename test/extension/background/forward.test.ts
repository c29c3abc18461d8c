import { describe, expect, it, vi } from 'vitest';
import { NOT_RUNNING_MESSAGE, forwardVia } from '../../../extension/background/forward';
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
