// An agreement's documents: every version of every file, newest first, each with its fingerprint
// and a download link; uploading a file adds a version (nothing is ever overwritten). The server
// checks size and type; when it refuses a file, its reason is shown as it gave it.
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useRef } from 'react';
import type { Alliance } from '../../api/types';
import { QueryView } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { canWriteRecords } from '../records/access';
import { DetailSection } from './DetailSection';
import { ACCEPTED_EXTENSIONS, formatBytes, shortHash, uploadErrorMessage } from './documents';
import { documentContentUrl, refreshAgreements, uploadDocument, useAgreementDocuments } from './queries';
import type { Agreement, AgreementDocument } from './types';

/** "PDF", "DOCX": the type people recognise, from the name. */
function typeOf(doc: AgreementDocument): string {
  const ext = /\.([a-z0-9]+)$/i.exec(doc.name)?.[1];
  return ext ? ext.toUpperCase() : doc.content_type;
}

export function DocumentsCard({ alliance, agreement }: { alliance: Alliance; agreement: Agreement }) {
  const queryClient = useQueryClient();
  const documents = useAgreementDocuments(alliance.id, agreement.id);
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadDocument(alliance.id, agreement.id, file),
    onSuccess: (doc) => {
      refreshAgreements(queryClient, alliance.id);
      notifications.show({ color: 'teal', message: `“${doc.name}” is stored as version ${doc.version}.` });
    },
  });
  const canUpload = canWriteRecords(alliance);
  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (file) upload.mutate(file);
    if (input.current) input.current.value = '';
  };
  return (
    <DetailSection
      title="Documents"
      action={
        canUpload && (
          <>
            <input
              ref={input}
              type="file"
              accept={ACCEPTED_EXTENSIONS}
              aria-label="Document file"
              className="visually-hidden"
              tabIndex={-1}
              onChange={(event) => pick(event.currentTarget.files)}
            />
            <Button size="xs" leftSection={<IconUpload size={14} aria-hidden />} loading={upload.isPending} onClick={() => input.current?.click()}>
              Upload
            </Button>
          </>
        )
      }
    >
      <Stack gap="sm">
        {canUpload && (
          <Text size="xs" c="dimmed">
            PDF, Word, Excel, PowerPoint, CSV or text. A file with the name of one already here becomes its next version.
          </Text>
        )}
        {upload.isPending && upload.variables && (
          <Text size="sm" role="status">
            Uploading “{upload.variables.name}” ({formatBytes(upload.variables.size)})…
          </Text>
        )}
        {upload.isError && (
          <Alert color="red" variant="light" role="alert" title={upload.variables ? `“${upload.variables.name}” was not uploaded` : 'Not uploaded'} withCloseButton onClose={() => upload.reset()}>
            {uploadErrorMessage(upload.error)}
          </Alert>
        )}
        <QueryView
          query={documents}
          loaderLabel="Loading the documents…"
          empty={
            <Text size="sm" c="dimmed">
              No documents yet.
            </Text>
          }
        >
          {(list) => (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" aria-label="Documents">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Version</Table.Th>
                    <Table.Th scope="col">Type</Table.Th>
                    <Table.Th scope="col">Size</Table.Th>
                    <Table.Th scope="col">SHA-256</Table.Th>
                    <Table.Th scope="col">Uploaded by</Table.Th>
                    <Table.Th scope="col">Uploaded</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Download</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((doc) => (
                    <Table.Tr key={doc.id} data-document={doc.name} data-version={doc.version}>
                      <Table.Td fw={500} fz="sm">
                        {doc.name}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm">v{doc.version}</Text>
                          {doc.latest && (
                            <Badge size="xs" variant="light" color="teal">
                              Latest
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td fz="sm">{typeOf(doc)}</Table.Td>
                      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatBytes(doc.size_bytes)}
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={doc.sha256} withArrow>
                          <Text size="xs" ff="monospace" aria-label={`SHA-256 ${doc.sha256}`}>
                            {shortHash(doc.sha256)}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td fz="sm">{doc.uploaded_by_name}</Table.Td>
                      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(doc.uploaded_at)}
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          href={documentContentUrl(alliance.id, agreement.id, doc.id)}
                          download={doc.name}
                          size="sm"
                          aria-label={`Download ${doc.name} version ${doc.version}`}
                        >
                          <Group gap={4} component="span" wrap="nowrap">
                            <IconDownload size={14} aria-hidden />
                            Download
                          </Group>
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Stack>
    </DetailSection>
  );
}
