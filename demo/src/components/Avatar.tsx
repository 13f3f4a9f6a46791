import { useState } from 'react';

/**
 * The user's picture, or their initial on a coloured disc when there is none or it does not load
 * (a picture URL from another environment, an offline image host).
 */
export function Avatar({ picture, name }: { picture: unknown; name: string }) {
  const [failed, setFailed] = useState<unknown>(undefined);
  if (typeof picture === 'string' && picture !== '' && failed !== picture) {
    return (
      <img
        className="avatar"
        src={picture}
        alt=""
        width={56}
        height={56}
        onError={() => setFailed(picture)}
      />
    );
  }
  return (
    <span className="avatar avatar-fallback" aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
