import { screen } from '@testing-library/react';
import { useState, version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';
import { renderStrict } from './renderStrict.js';

// The react18 project runs this folder again with React 18 aliased in (vite.config.ts); the unit
// project runs it on the React 19 devDependency. This proves which one each of them really gets.
it('runs on the React major that its project is for', ({ task }) => {
  const major = task.file.projectName === 'react18' ? '18.' : '19.';
  expect(version.startsWith(major), version).toBe(true);
  expect(domVersion).toBe(version);
});

it('renders through Testing Library on that same React (one copy, so hooks work)', () => {
  function Version() {
    const [shown] = useState(version);
    return <p>{`react ${shown}`}</p>;
  }
  renderStrict(<Version />);
  expect(screen.getByText(`react ${version}`)).toBeTruthy();
});
