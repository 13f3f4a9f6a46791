import { useEffect, useState } from 'react';
import { useLogto } from 'logto-spa/react';

// In sessionStorage because the tab that ends Logto's session leaves for its end-session page
// and comes back: it should say why as well.
const flag = 'demo:signed-out-idle';

/** Says why the tab is signed out after an idle sign-out (`signedOut` with reason `idle`). */
export function IdleNotice(props: { timeoutSeconds: number }) {
  const { client, isAuthenticated } = useLogto();
  const [shown, setShown] = useState(() => sessionStorage.getItem(flag) !== null);
  useEffect(() => {
    const offSignedOut = client.on('signedOut', ({ reason }) => {
      if (reason !== 'idle') return;
      sessionStorage.setItem(flag, '1');
      setShown(true);
    });
    const offSignedIn = client.on('signedIn', () => {
      sessionStorage.removeItem(flag);
      setShown(false);
    });
    return () => {
      offSignedOut();
      offSignedIn();
    };
  }, [client]);
  if (!shown || isAuthenticated) return null;
  return (
    <p className="notice" role="status" data-testid="idle-signed-out">
      You were signed out after {props.timeoutSeconds} s without activity in any tab of this app.
    </p>
  );
}
