import { fireEvent, render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { Avatar } from '../../../demo/src/components/Avatar.js';

it('shows the picture, and the initial instead when the picture does not load', () => {
  const { container, rerender } = render(
    <Avatar picture="http://127.0.0.1:1/avatar/alice.svg" name="alice" />,
  );
  const image = container.querySelector('img');
  if (!image) throw new Error('no <img> rendered');
  expect(image.getAttribute('src')).toBe('http://127.0.0.1:1/avatar/alice.svg');
  fireEvent.error(image);
  expect(container.querySelector('img')).toBeNull();
  expect(screen.getByText('A')).toBeTruthy();
  // A new picture URL gets its own chance to load.
  rerender(<Avatar picture="http://127.0.0.1:1/avatar/bob.svg" name="alice" />);
  expect(container.querySelector('img')?.getAttribute('src')).toBe(
    'http://127.0.0.1:1/avatar/bob.svg',
  );
});

it('shows the initial when there is no picture', () => {
  render(<Avatar picture={null} name="bob" />);
  expect(screen.getByText('B')).toBeTruthy();
});
