import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { formatBytes, shortHash, uploadErrorMessage } from './documents';

describe('documents in words', () => {
  it('shows sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(245760)).toBe('240 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });

  it('shortens a fingerprint', () => {
    expect(shortHash('9f86d081884c7d659a2feaa0c55ad015')).toBe('9f86d081884c');
  });
});

describe('why an upload was refused', () => {
  const problem = (status: number, detail?: string, errors?: { field: string; message: string }[]) =>
    new ApiError(status, { type: 'x', title: 'Problem', status, detail, request_id: 'r', ...(errors ? { errors } : {}) } as never);

  it('gives the server’s own reason for a file too large or not accepted', () => {
    expect(uploadErrorMessage(problem(413, 'the file is larger than the upload limit of 10 MiB'))).toBe('The file is larger than the upload limit of 10 MiB.');
    expect(uploadErrorMessage(problem(422, 'executable files are not accepted'))).toBe('Executable files are not accepted.');
    expect(uploadErrorMessage(problem(422, 'Validation failed.', [{ field: 'name', message: 'mismatched type' }]))).toBe('Validation failed. Mismatched type.');
  });

  it('falls back to the usual sentences', () => {
    expect(uploadErrorMessage(problem(413))).toBe('The file is larger than the server accepts.');
    expect(uploadErrorMessage(new ApiError(0, null))).toBe('Northstar could not be reached. Check your connection and try again.');
  });
});
