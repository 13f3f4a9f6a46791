import { Card } from '../components/Card.js';
import { Link } from '../router.js';

export function NotFoundPage({ pathname }: { pathname: string }) {
  return (
    <Card title="Page not found" testId="not-found">
      <p className="muted">
        Nothing lives at <code>{pathname}</code>.
      </p>
      <Link className="button" to="/">
        Back to home
      </Link>
    </Card>
  );
}
