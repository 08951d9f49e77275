import type { ProvidedStack } from './test-environment-provider';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __STACK__?: ProvidedStack }).__STACK__;
  await stack?.stop();
}
