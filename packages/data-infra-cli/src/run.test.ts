import { runCli } from './lib/testing';

describe('run', () => {
  it('treats an unknown command as a usage error without throwing', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(result.code).toBe(2);
  });

  it('prints help with exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toMatch(/validate.*\n.*oncall/s);
    expect(result.code).toBe(0);
  });
});
