import {
  cleanup,
  render,
  renderHook,
  type RenderHookOptions,
  type RenderHookResult,
  type RenderResult,
} from '@testing-library/react';
import { StrictMode, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { afterEach } from 'vitest';

// The unit project has no vitest globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

/** Renders `ui` inside `<React.StrictMode>`, as every React test here must. */
export function renderStrict(ui: ReactElement): RenderResult {
  return render(ui, { wrapper: StrictMode });
}

/** Renders a hook inside `<React.StrictMode>` and, when given, the `wrapper` (e.g. a provider). */
export function renderHookStrict<Result, Props>(
  hook: (props: Props) => Result,
  options: { wrapper?: ComponentType<{ children: ReactNode }>; initialProps?: Props } = {},
): RenderHookResult<Result, Props> {
  const { wrapper: Inner, initialProps } = options;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>{Inner ? <Inner>{children}</Inner> : children}</StrictMode>
  );
  const hookOptions: RenderHookOptions<Props> = { wrapper };
  if (initialProps !== undefined) hookOptions.initialProps = initialProps;
  return renderHook(hook, hookOptions);
}
