import { execFileSync } from 'node:child_process';

/**
 * Checks that XML is well-formed with xmllint (Debian's libxml2-utils, which .ci/run installs).
 * Returns xmllint's complaint, or '' when the document parses.
 */
export function xmllintErrors(xml: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '-'], {
      input: xml,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    return failed.stderr || failed.message;
  }
}
