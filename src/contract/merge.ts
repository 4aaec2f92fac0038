/** The records that can be merged (`POST /api/v1/<entity>s/{id}/merge`). */
export type MergeEntity = 'account' | 'contact' | 'lead' | 'deal';
