import { useState, version } from 'react';
import { version as domVersion } from 'react-dom';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';

// The node-react18 project runs this folder again with React 18 aliased in (vite.config.ts); the
// node project runs it on the React 19 devDependency. This proves which one each of them gets.
it('renders on the server with the React major that its project is for', ({ task }) => {
  const major = task.file.projectName === 'node-react18' ? '18.' : '19.';
  expect(version.startsWith(major), version).toBe(true);
  expect(domVersion).toBe(version);
  function Version() {
    const [shown] = useState(version);
    return <p>{`react ${shown}`}</p>;
  }
  expect(renderToString(<Version />)).toBe(`<p>react ${version}</p>`);
});
