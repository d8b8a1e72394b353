//! The job half of `PostgresStore`: batched upserts, expiry and the filtered search.

use std::collections::HashMap;

use super::*;
use crate::store::search::{query_terms, seniority_name, workplace_name};

const JOB_COLUMNS: &str = "id, fingerprint, first_seen, last_seen, updated_at, expired_at, data";

/// Writes a whole row, replacing any with the same (owner, id).
const WRITE_JOB: &str = "INSERT INTO jobs (owner, id, content_hash, fingerprint, words,
      locations_lc, workplace, seniority, salary_top, posted_at, first_seen, last_seen,
      updated_at, expired_at, data)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
    ON CONFLICT (owner, id) DO UPDATE SET content_hash = excluded.content_hash,
      fingerprint = excluded.fingerprint, words = excluded.words,
      locations_lc = excluded.locations_lc, workplace = excluded.workplace,
      seniority = excluded.seniority, salary_top = excluded.salary_top,
      posted_at = excluded.posted_at, first_seen = excluded.first_seen,
      last_seen = excluded.last_seen, updated_at = excluded.updated_at,
      expired_at = excluded.expired_at, data = excluded.data";

/// Seen again with the same content: only the bookkeeping moves.
const TOUCH_JOB: &str = "UPDATE jobs SET last_seen = $3, expired_at = NULL, fingerprint = $4
    WHERE owner = $1 AND id = $2";

fn job_from_row(r: &tokio_postgres::Row) -> Result<StoredJob> {
    let data: &str = r.try_get(6).pg("reading a job")?;
    Ok(StoredJob {
        id: r.try_get(0).pg("reading a job")?,
        fingerprint: r.try_get(1).pg("reading a job")?,
        first_seen: r.try_get(2).pg("reading a job")?,
        last_seen: r.try_get(3).pg("reading a job")?,
        updated_at: r.try_get(4).pg("reading a job")?,
        expired_at: r.try_get(5).pg("reading a job")?,
        job: from_json(data, "job")?,
    })
}

/// Flattens jobs for storage, refusing what PostgreSQL text cannot hold. The location column
/// drops NULs (a search term cannot usefully contain one either).
fn rows_for(jobs: impl Iterator<Item = (Job, Option<String>)>) -> Result<Vec<JobRow>> {
    jobs.map(|(job, fp)| {
        let mut row = JobRow::new(&job, fp.as_deref())?;
        no_nul(&row.id, "job source and source_id")?;
        if let Some(f) = &row.fingerprint {
            no_nul(f, "job fingerprint")?;
        }
        if row.locations_lc.contains('\0') {
            row.locations_lc = row.locations_lc.replace('\0', "");
        }
        Ok(row)
    })
    .collect()
}

/// Appends `clause` with its `?` numbered as the next parameter, `v`.
fn push_arg<'a>(args: &mut Params<'a>, sql: &mut String, clause: &str, v: &'a (dyn ToSql + Sync)) {
    args.push(v);
    sql.push_str(&clause.replace('?', &format!("${}", args.len())));
}

/// What the batch leaves in one row: only the bookkeeping, or the whole row.
enum Write {
    Touch { input: usize },
    Full { input: usize, first_seen: Timestamp },
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl JobStore for PostgresStore {
    async fn upsert_jobs(
        &self,
        owner: &str,
        jobs: &[JobUpsert],
        now: Timestamp,
    ) -> Result<Vec<UpsertOutcome>> {
        check_owner_pg(owner)?;
        let rows = rows_for(jobs.iter().map(|j| (j.job.clone(), j.fingerprint.clone())))?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.pg("starting a transaction")?;
        lock_owner(&tx, owner).await?;
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        // What is stored now: id -> (content hash, first seen).
        let mut known: HashMap<String, (String, Timestamp)> = HashMap::new();
        for r in tx
            .query(
                "SELECT id, content_hash, first_seen FROM jobs WHERE owner = $1 AND id = ANY($2)",
                &[&owner, &ids],
            )
            .await
            .pg("reading jobs to upsert")?
        {
            let id: String = r.try_get(0).pg("reading jobs to upsert")?;
            let hash: String = r.try_get(1).pg("reading jobs to upsert")?;
            let first_seen: Timestamp = r.try_get(2).pg("reading jobs to upsert")?;
            known.insert(id, (hash, first_seen));
        }
        // Decide in input order, as if each job were upserted one after the other, then write
        // each row once.
        let mut out = Vec::with_capacity(rows.len());
        let mut writes: HashMap<&str, Write> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            let outcome = match known.get_mut(&row.id) {
                Some((hash, _)) if *hash == row.content_hash => {
                    // Unchanged after a full write in this batch: still a full write.
                    let w = match writes.get(row.id.as_str()) {
                        Some(Write::Full { first_seen, .. }) => Write::Full {
                            input: i,
                            first_seen: *first_seen,
                        },
                        _ => Write::Touch { input: i },
                    };
                    writes.insert(&row.id, w);
                    Upsert::Unchanged
                }
                Some((hash, first_seen)) => {
                    hash.clone_from(&row.content_hash);
                    writes.insert(
                        &row.id,
                        Write::Full {
                            input: i,
                            first_seen: *first_seen,
                        },
                    );
                    Upsert::Updated
                }
                None => {
                    known.insert(row.id.clone(), (row.content_hash.clone(), now));
                    writes.insert(
                        &row.id,
                        Write::Full {
                            input: i,
                            first_seen: now,
                        },
                    );
                    Upsert::New
                }
            };
            out.push(UpsertOutcome {
                id: row.id.clone(),
                outcome,
            });
        }
        let write = tx
            .prepare_cached(WRITE_JOB)
            .await
            .pg("preparing a job write")?;
        let touch = tx
            .prepare_cached(TOUCH_JOB)
            .await
            .pg("preparing a job write")?;
        let none: Option<Timestamp> = None;
        // Pipelined: every statement is sent before the first answer is awaited.
        let rows = &rows;
        let pending = writes.values().map(|w| {
            let (tx, write, touch, none) = (&tx, &write, &touch, &none);
            async move {
                match *w {
                    Write::Touch { input } => {
                        let r = &rows[input];
                        tx.execute(touch, &[&owner, &r.id, &now, &r.fingerprint])
                            .await
                    }
                    Write::Full { input, first_seen } => {
                        let r = &rows[input];
                        tx.execute(
                            write,
                            &[
                                &owner,
                                &r.id,
                                &r.content_hash,
                                &r.fingerprint,
                                &r.words,
                                &r.locations_lc,
                                &r.workplace,
                                &r.seniority,
                                &r.salary_top,
                                &r.posted_at,
                                &first_seen,
                                &now,
                                &now,
                                none,
                                &r.data,
                            ],
                        )
                        .await
                    }
                }
            }
        });
        futures::future::try_join_all(pending)
            .await
            .pg("writing jobs")?;
        tx.commit().await.pg("committing jobs")?;
        Ok(out)
    }

    async fn get_job(&self, owner: &str, id: &str) -> Result<Option<StoredJob>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE owner = $1 AND id = $2");
        let row = client
            .query_opt(&sql, &[&owner, &id])
            .await
            .pg("reading a job")?;
        row.as_ref().map(job_from_row).transpose()
    }

    async fn jobs_by_fingerprint(&self, owner: &str, fingerprint: &str) -> Result<Vec<StoredJob>> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let sql = format!(
            "SELECT {JOB_COLUMNS} FROM jobs WHERE owner = $1 AND fingerprint = $2 ORDER BY id"
        );
        let rows = client
            .query(&sql, &[&owner, &fingerprint])
            .await
            .pg("reading jobs by fingerprint")?;
        rows.iter().map(job_from_row).collect()
    }

    async fn expire_jobs(
        &self,
        owner: &str,
        not_seen_since: Timestamp,
        now: Timestamp,
    ) -> Result<u64> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let n = client
            .execute(
                "UPDATE jobs SET expired_at = $3
                 WHERE owner = $1 AND expired_at IS NULL AND last_seen < $2",
                &[&owner, &not_seen_since, &now],
            )
            .await
            .pg("expiring jobs")?;
        Ok(n)
    }

    async fn search_jobs(&self, owner: &str, query: &JobQuery) -> Result<Vec<StoredJob>> {
        check_owner_pg(owner)?;
        let terms = query.text.as_deref().map(query_terms).unwrap_or_default();
        let workplace = query.workplace.map(workplace_name);
        let location = query
            .location
            .as_deref()
            .map(|l| l.to_lowercase().replace('\0', ""));
        let seniority: Vec<&str> = query.seniority.iter().map(|s| seniority_name(*s)).collect();
        let limit = query.page_size() as i64;
        let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);

        let mut sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE owner = $1");
        let mut args: Params<'_> = vec![&owner];
        let mut arg = |sql: &mut String, clause: &str, v| push_arg(&mut args, sql, clause, v);
        if !query.include_expired {
            sql.push_str(" AND expired_at IS NULL");
        }
        if !terms.is_empty() {
            // Every term begins some word: the space-joined words contain " term".
            arg(
                &mut sql,
                " AND NOT EXISTS (SELECT 1 FROM unnest(?::text[]) t
                   WHERE strpos(' ' || words, ' ' || t) = 0)",
                &terms,
            );
        }
        if let Some(w) = &workplace {
            arg(&mut sql, " AND workplace = ?", w);
        }
        if let Some(l) = &location {
            arg(&mut sql, " AND strpos(locations_lc, ?) > 0", l);
        }
        if let Some(m) = &query.salary_min {
            arg(&mut sql, " AND salary_top >= ?", m);
        }
        if !seniority.is_empty() {
            arg(&mut sql, " AND seniority = ANY(?)", &seniority);
        }
        if let Some(p) = &query.posted_since {
            arg(&mut sql, " AND COALESCE(posted_at, first_seen) >= ?", p);
        }
        sql.push_str(" ORDER BY COALESCE(posted_at, first_seen) DESC, id");
        arg(&mut sql, " LIMIT ?", &limit);
        arg(&mut sql, " OFFSET ?", &offset);

        let client = self.client().await?;
        let rows = client.query(&sql, &args).await.pg("searching jobs")?;
        rows.iter().map(job_from_row).collect()
    }

    async fn count_jobs(&self, owner: &str) -> Result<u64> {
        check_owner_pg(owner)?;
        let client = self.client().await?;
        let row = client
            .query_one("SELECT COUNT(*) FROM jobs WHERE owner = $1", &[&owner])
            .await
            .pg("counting jobs")?;
        Ok(count_of(row.try_get(0).pg("counting jobs")?))
    }

    async fn restore_jobs(&self, owner: &str, jobs: &[StoredJob]) -> Result<()> {
        check_owner_pg(owner)?;
        let rows = rows_for(jobs.iter().map(|j| (j.job.clone(), j.fingerprint.clone())))?;
        // The last of several with one id wins, as if written one after the other.
        let mut last: HashMap<&str, usize> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            last.insert(&r.id, i);
        }
        let mut client = self.client().await?;
        let tx = client.transaction().await.pg("starting a transaction")?;
        lock_owner(&tx, owner).await?;
        let write = tx
            .prepare_cached(WRITE_JOB)
            .await
            .pg("preparing a job write")?;
        let pending = last.values().map(|&i| {
            let (tx, write, r, s) = (&tx, &write, &rows[i], &jobs[i]);
            async move {
                tx.execute(
                    write,
                    &[
                        &owner,
                        &r.id,
                        &r.content_hash,
                        &r.fingerprint,
                        &r.words,
                        &r.locations_lc,
                        &r.workplace,
                        &r.seniority,
                        &r.salary_top,
                        &r.posted_at,
                        &s.first_seen,
                        &s.last_seen,
                        &s.updated_at,
                        &s.expired_at,
                        &r.data,
                    ],
                )
                .await
            }
        });
        futures::future::try_join_all(pending)
            .await
            .pg("restoring jobs")?;
        tx.commit().await.pg("committing restored jobs")
    }

    async fn delete_job(&self, owner: &str, id: &str) -> Result<bool> {
        check_owner_pg(owner)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.pg("starting a transaction")?;
        lock_owner(&tx, owner).await?;
        let n = tx
            .execute(
                "DELETE FROM jobs WHERE owner = $1 AND id = $2",
                &[&owner, &id],
            )
            .await
            .pg("deleting a job")?;
        tx.commit().await.pg("committing a job deletion")?;
        Ok(n > 0)
    }
}
