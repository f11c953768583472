import { componentPage } from '../page.js';

/**
 * How anyone checks, in plain words, that a bulletin was not altered: what the audit head and the
 * signed checkpoint on it are, and how the Verify page (the witnesses' check) uses them.
 */
function VerifyBulletin() {
  return (
    <div class="bulletin-verify">
      <h1>How to check a bulletin</h1>
      <p>
        Every bulletin ends with an <strong>Audit</strong> section. It names the point of the record the
        bulletin was made at, so that anyone can later check that neither the bulletin nor the record behind
        it was changed.
      </p>
      <h2>What the Audit section holds</h2>
      <ul>
        <li>
          <strong>Audit entry and audit head.</strong> Every change to the record is written down as an entry,
          and each entry is sealed together with the one before it. The audit head is a fingerprint of all the
          entries up to the one named: change any earlier entry and the fingerprint no longer matches.
        </li>
        <li>
          <strong>Signed checkpoint.</strong> The number of entries in the record and a root hash (one
          fingerprint of them all), signed with the center's key.
        </li>
        <li>
          <strong>Cosigned by.</strong> Witnesses are organisations other than the center. They sign a
          checkpoint only after checking that the record only grew since the last one they saw, and that
          nothing already in it was rewritten.
        </li>
      </ul>
      <h2>Checking it, step by step</h2>
      <ol>
        <li>
          Keep your own copy: download the bulletin as PDF (or JSON) on the day you read it. Write down its
          audit head, the number of entries and the root hash.
        </li>
        <li>
          Later, open the same day again on the Bulletins page. Its sections should read the same as your
          copy, and the checkpoint shown then must hold at least as many entries as the one on your copy.
        </li>
        <li>
          To check the record itself, get an export with proofs (the center or a partner who holds one can
          give it to you) and open it on the <a href="#/verify">Verify page</a>. Your browser checks the
          center's and the witnesses' signatures and that every entry belongs to the signed record, without
          sending the file anywhere.
        </li>
        <li>
          Compare: for the same number of entries, the root hash must be the same as on your copy. If one
          record size ever shows two different root hashes, the record was altered after the fact. Say so
          publicly, and tell the witnesses.
        </li>
      </ol>
      <h2>What this proves, and what it does not</h2>
      <p>
        It proves the record was not changed in secret after the bulletin was made. It does not prove that
        what the reports say is true: for that, read the sources each incident names.
      </p>
      <p>
        <a href="#/verify">Go to the Verify page</a>
        {' · '}
        <a href="#/bulletins">Back to the bulletins</a>
      </p>
    </div>
  );
}

export const verifyBulletinPage = componentPage('How to check a bulletin', VerifyBulletin);
