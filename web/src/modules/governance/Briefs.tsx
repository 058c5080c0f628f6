// A party's pre-meeting briefs: what its people should know before they go in. Only the party
// reads them unless the author chooses otherwise.
import { Group, Modal, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, QueryView } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { DeleteMenuItem, EditMenuItem, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { MeetingPart } from './MeetingPart';
import { createBrief, deleteBrief, fetchBrief, refreshGovernance, updateBrief, useBriefs } from './queries';
import type { Meeting, MeetingBrief } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

interface BriefValues {
  title: string;
  body: string;
  visibility: Visibility;
  readers: string[];
}

function briefToValues(b: MeetingBrief): BriefValues {
  return { title: b.title, body: b.body, visibility: b.visibility, readers: [...b.readers] };
}

function briefBody(v: BriefValues) {
  return { title: v.title.trim(), body: v.body, ...accessBody(v) };
}

function BriefForm({ alliance, members, meeting, brief, onClose }: { alliance: Alliance; members: Member[]; meeting: Meeting; brief: MeetingBrief | null; onClose: () => void }) {
  const stale = useStaleEdit({ record: brief, toValues: briefToValues, fetchLatest: () => fetchBrief(alliance.id, meeting.id, brief?.id ?? '') });
  const form = useForm<BriefValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? { title: `${alliance.my_party.organization_name} brief`, body: '', visibility: 'party', readers: [] },
    validateInputOnChange: ['title', 'body'],
    validate: { title: requiredText('title', 200), body: maxLength(20000), readers: readersRule },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createBrief(alliance.id, meeting.id, briefBody(v)),
    update: brief ? (version, base, values) => updateBrief(alliance.id, meeting.id, brief.id, version, patchOf(briefBody(base), briefBody(values))) : null,
    savedMessage: (saved) => `“${saved.title}” is saved.`,
    onClose,
    refresh: refreshGovernance,
  });
  const fields: FieldLabels<BriefValues> = { title: { label: 'Title' }, body: { label: 'Brief' }, visibility: { label: 'Who can read it' } };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Brief" description="Positions, red lines, who speaks to what." autosize minRows={6} maxRows={20} {...form.getInputProps('body')} />
        <AccessFields form={form} alliance={alliance} members={members} record={brief} />
        <RecordFormFooter noun="brief" fields={fields} form={form} stale={stale} save={save} errorTitle="The brief was not saved" submitLabel={brief ? 'Save brief' : 'Add brief'} onCancel={onClose} />
      </Stack>
    </form>
  );
}

function BriefCard({ alliance, meeting, brief, canChange, onEdit }: { alliance: Alliance; meeting: Meeting; brief: MeetingBrief; canChange: boolean; onEdit: () => void }) {
  const remove = useDeleteRecord(alliance.id, brief.title, () => deleteBrief(alliance.id, meeting.id, brief.id), refreshGovernance);
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={brief.title} data-brief={brief.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {brief.title}
            </Text>
            <VisibilityBadge size="xs" visibility={brief.visibility} ownerOrganizationName={brief.owner_organization_name} />
          </Group>
          <Text size="xs" c="dimmed">
            {brief.author_name} · {formatDateTime(brief.updated_at)}
          </Text>
        </Stack>
        {canChange && (
          <RowMenu name={brief.title}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem title="Delete this brief?" message={<>“{brief.title}” will be deleted.</>} onConfirm={() => remove.mutate()} />
          </RowMenu>
        )}
      </Group>
      {brief.body && (
        <LinkifiedText size="sm" mt="xs" text={brief.body} />
      )}
    </Paper>
  );
}

export function BriefsPanel({ alliance, meeting, members }: { alliance: Alliance; meeting: Meeting; members: Member[] }) {
  const { user } = useSession();
  const briefs = useBriefs(alliance.id, meeting.id);
  const [editing, setEditing] = useState<{ brief: MeetingBrief | null } | null>(null);
  const canWrite = canWriteRecords(alliance);
  return (
    <MeetingPart
      id="briefs-title"
      title="Briefs"
      description={
        <Text size="xs" c="dimmed">
          Each party’s preparation; only that party reads it unless it says otherwise.
        </Text>
      }
      addLabel="Write a brief"
      onAdd={canWrite ? () => setEditing({ brief: null }) : undefined}
    >
      <QueryView
        query={briefs}
        empty={<EmptyState title="No briefs you can read" icon={<IconFileText aria-hidden />} />}
      >
        {(list) =>
          list.map((brief) => (
            <BriefCard key={brief.id} alliance={alliance} meeting={meeting} brief={brief} canChange={canChangeRecord(alliance, user.id, brief)} onEdit={() => setEditing({ brief })} />
          ))
        }
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.brief ? 'Edit brief' : 'Write a brief'} size="lg" centered>
        {editing && <BriefForm alliance={alliance} members={members} meeting={meeting} brief={editing.brief} onClose={() => setEditing(null)} />}
      </Modal>
    </MeetingPart>
  );
}
