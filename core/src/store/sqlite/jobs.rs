//! The job half of `SqliteStore`: batched upserts, expiry and the filtered search.

use rusqlite::{OptionalExtension, params, types::Value as Sql};

use super::*;

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl JobStore for SqliteStore {
    async fn upsert_jobs(
        &self,
        owner: &str,
        jobs: &[JobUpsert],
        now: Timestamp,
    ) -> Result<Vec<UpsertOutcome>> {
        check_owner(owner)?;
        let rows = jobs
            .iter()
            .map(|j| JobRow::new(&j.job, j.fingerprint.as_deref()))
            .collect::<Result<Vec<_>>>()?;
        let o = owner.to_string();
        self.write(move |c| {
            let tx = immediate(c)?;
            let mut out = Vec::with_capacity(rows.len());
            for row in &rows {
                let old: Option<(i64, String, Timestamp)> = tx
                    .prepare_cached(
                        "SELECT rowid, content_hash, first_seen FROM jobs WHERE owner=?1 AND id=?2",
                    )
                    .db()?
                    .query_row(params![o, row.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()
                    .db()?;
                let outcome = match old {
                    Some((rowid, hash, _)) if hash == row.content_hash => {
                        tx.prepare_cached(
                            "UPDATE jobs SET last_seen=?2, expired_at=NULL, fingerprint=?3 WHERE rowid=?1",
                        )
                        .db()?
                        .execute(params![rowid, now, row.fingerprint])
                        .db()?;
                        Upsert::Unchanged
                    }
                    Some((rowid, _, first_seen)) => {
                        write_job(&tx, &o, row, (first_seen, now, now, None), Some(rowid))?;
                        Upsert::Updated
                    }
                    None => {
                        write_job(&tx, &o, row, (now, now, now, None), None)?;
                        Upsert::New
                    }
                };
                out.push(UpsertOutcome {
                    id: row.id.clone(),
                    outcome,
                });
            }
            tx.commit().db()?;
            Ok(out)
        })
        .await
    }

    async fn get_job(&self, owner: &str, id: &str) -> Result<Option<StoredJob>> {
        check_owner(owner)?;
        let (o, id) = (owner.to_string(), id.to_string());
        self.read(move |c| {
            let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE owner=?1 AND id=?2");
            let row = c
                .query_row(&sql, params![o, id], job_from_row)
                .optional()
                .db()?;
            Ok(finish_jobs(row.into_iter().collect())?.pop())
        })
        .await
    }

    async fn jobs_by_fingerprint(&self, owner: &str, fingerprint: &str) -> Result<Vec<StoredJob>> {
        check_owner(owner)?;
        let (o, fp) = (owner.to_string(), fingerprint.to_string());
        self.read(move |c| {
            let sql = format!(
                "SELECT {JOB_COLUMNS} FROM jobs WHERE owner=?1 AND fingerprint=?2 ORDER BY id"
            );
            let mut st = c.prepare(&sql).db()?;
            let rows = st
                .query_map(params![o, fp], job_from_row)
                .db()?
                .collect::<rusqlite::Result<Vec<_>>>()
                .db()?;
            finish_jobs(rows)
        })
        .await
    }

    async fn expire_jobs(
        &self,
        owner: &str,
        not_seen_since: Timestamp,
        now: Timestamp,
    ) -> Result<u64> {
        check_owner(owner)?;
        let o = owner.to_string();
        self.write(move |c| {
            let n = c
                .execute(
                    "UPDATE jobs SET expired_at=?3 WHERE owner=?1 AND expired_at IS NULL AND last_seen < ?2",
                    params![o, not_seen_since, now],
                )
                .db()?;
            Ok(n as u64)
        })
        .await
    }

    async fn search_jobs(&self, owner: &str, query: &JobQuery) -> Result<Vec<StoredJob>> {
        check_owner(owner)?;
        let mut sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE owner=?1");
        let mut args: Vec<Sql> = vec![Sql::Text(owner.to_string())];
        let mut arg = |sql: &mut String, clause: &str, v: Sql| {
            args.push(v);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if !query.include_expired {
            sql.push_str(" AND expired_at IS NULL");
        }
        let terms = query.text.as_deref().map(query_terms).unwrap_or_default();
        if !terms.is_empty() {
            let fts: Vec<String> = terms.iter().map(|t| format!("\"{t}\"*")).collect();
            arg(
                &mut sql,
                " AND rowid IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?)",
                Sql::Text(fts.join(" ")),
            );
        }
        if let Some(w) = query.workplace {
            arg(
                &mut sql,
                " AND workplace=?",
                Sql::Text(workplace_name(w).into()),
            );
        }
        if let Some(l) = &query.location {
            arg(
                &mut sql,
                " AND instr(locations_lc, ?) > 0",
                Sql::Text(l.to_lowercase()),
            );
        }
        if let Some(m) = query.salary_min {
            arg(&mut sql, " AND salary_top >= ?", Sql::Real(m));
        }
        if !query.seniority.is_empty() {
            let names: Vec<String> = query
                .seniority
                .iter()
                .map(|s| format!("'{}'", seniority_name(*s)))
                .collect();
            sql.push_str(&format!(" AND seniority IN ({})", names.join(",")));
        }
        if let Some(p) = query.posted_since {
            arg(
                &mut sql,
                " AND COALESCE(posted_at, first_seen) >= ?",
                Sql::Integer(p),
            );
        }
        sql.push_str(" ORDER BY COALESCE(posted_at, first_seen) DESC, id");
        arg(&mut sql, " LIMIT ?", Sql::Integer(query.page_size() as i64));
        arg(
            &mut sql,
            " OFFSET ?",
            Sql::Integer(i64::try_from(query.offset).unwrap_or(i64::MAX)),
        );
        self.read(move |c| {
            let mut st = c.prepare_cached(&sql).db()?;
            let rows = st
                .query_map(rusqlite::params_from_iter(args), job_from_row)
                .db()?
                .collect::<rusqlite::Result<Vec<_>>>()
                .db()?;
            finish_jobs(rows)
        })
        .await
    }

    async fn count_jobs(&self, owner: &str) -> Result<u64> {
        check_owner(owner)?;
        let o = owner.to_string();
        self.read(move |c| {
            c.query_row("SELECT COUNT(*) FROM jobs WHERE owner=?1", [o], |r| {
                r.get::<_, i64>(0)
            })
            .db()
            .map(|n| n as u64)
        })
        .await
    }

    async fn restore_jobs(&self, owner: &str, jobs: &[StoredJob]) -> Result<()> {
        check_owner(owner)?;
        let rows = jobs
            .iter()
            .map(|j| Ok((JobRow::new(&j.job, j.fingerprint.as_deref())?, j.clone())))
            .collect::<Result<Vec<_>>>()?;
        let o = owner.to_string();
        self.write(move |c| {
            let tx = immediate(c)?;
            for (row, s) in &rows {
                let rowid: Option<i64> = tx
                    .prepare_cached("SELECT rowid FROM jobs WHERE owner=?1 AND id=?2")
                    .db()?
                    .query_row(params![o, row.id], |r| r.get(0))
                    .optional()
                    .db()?;
                let times = (s.first_seen, s.last_seen, s.updated_at, s.expired_at);
                write_job(&tx, &o, row, times, rowid)?;
            }
            tx.commit().db()
        })
        .await
    }

    async fn delete_job(&self, owner: &str, id: &str) -> Result<bool> {
        check_owner(owner)?;
        let (o, id) = (owner.to_string(), id.to_string());
        self.write(move |c| {
            let tx = immediate(c)?;
            let rowid: Option<i64> = tx
                .query_row(
                    "SELECT rowid FROM jobs WHERE owner=?1 AND id=?2",
                    params![o, id],
                    |r| r.get(0),
                )
                .optional()
                .db()?;
            if let Some(rowid) = rowid {
                tx.execute("DELETE FROM jobs_fts WHERE rowid=?1", [rowid])
                    .db()?;
                tx.execute("DELETE FROM jobs WHERE rowid=?1", [rowid])
                    .db()?;
            }
            tx.commit().db()?;
            Ok(rowid.is_some())
        })
        .await
    }
}
