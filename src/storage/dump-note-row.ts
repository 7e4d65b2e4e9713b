/** A note as the export and the import's lookups read it: one row with its links as JSON arrays. */
import type { DumpNote } from '../domain/journal-dump.js';

export type NoteRow = Omit<DumpNote, 'starred' | 'tags' | 'goalIds' | 'competencyIds'> & {
  starred: number;
  tags: string;
  goalIds: string;
  competencyIds: string;
};

export const noteOf = (row: NoteRow): DumpNote => ({
  ...row,
  starred: row.starred === 1,
  tags: JSON.parse(row.tags) as string[],
  goalIds: JSON.parse(row.goalIds) as number[],
  competencyIds: JSON.parse(row.competencyIds) as number[],
});

/** A note with its tags and competency ids as JSON arrays (see noteOf). */
export const NOTE_COLUMNS = `SELECT n.id, n.date, n.text, n.type, n.account, n.starred, n.deal_id AS dealId,
         (SELECT json_group_array(goal_id) FROM (SELECT goal_id FROM note_goals WHERE note_id = n.id ORDER BY goal_id)) AS goalIds,
         (SELECT json_group_array(tag) FROM (SELECT tag FROM note_tags WHERE note_id = n.id ORDER BY tag)) AS tags,
         (SELECT json_group_array(competency_id) FROM (
            SELECT competency_id FROM note_competencies WHERE note_id = n.id ORDER BY competency_id)) AS competencyIds,
         n.created_at AS createdAt, n.updated_at AS updatedAt, n.source_key AS sourceKey
       FROM notes n`;
