/** Sends a slot to the API with upload progress (fetch cannot report it; XHR can). */

/** `network`: no answer at all (no signal, a dead spot): the same request may be sent again with its key. */
export type SendResult = { ok: true } | { ok: false; message: string; network?: boolean };

/** An Idempotency-Key; crypto.getRandomValues also works on plain-http intranet hosts, randomUUID does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `card-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export function sendSlot(url: string, body: FormData, idempotencyKey: string, onProgress: (ratio: number) => void): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Idempotency-Key", idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) return resolve({ ok: true });
      if (xhr.status === 401) return resolve({ ok: false, message: "登录已失效：请在新标签页重新登录，再回到这里点提交（已填写的内容仍在本页）。" });
      let message = `提交失败（${xhr.status}），请稍后重试。`;
      try {
        const parsed = JSON.parse(xhr.responseText) as { error?: { message?: string } };
        if (parsed.error?.message) message = parsed.error.message;
      } catch {
        // Not JSON (a proxy's error page): keep the generic message.
      }
      resolve({ ok: false, message });
    };
    xhr.onerror = () => resolve({ ok: false, network: true, message: "网络中断，内容没有提交成功。" });
    xhr.ontimeout = xhr.onerror;
    xhr.send(body);
  });
}
