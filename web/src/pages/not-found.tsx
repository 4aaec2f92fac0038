import { Link } from '@tanstack/react-router';

/** An address the web app has no page for: says so and offers the way back. */
export function NotFoundPage() {
  return (
    <section className="state" role="alert" data-testid="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/home">Go to My day</Link> · <Link to="/board">Open the board</Link>
      </p>
    </section>
  );
}
