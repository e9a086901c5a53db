// dicomweb-client (the DICOMweb client of OHIF and other browser viewers, pinned in package.json)
// as a real client of a DICOMweb service, run in Node with xhr2 as its XMLHttpRequest. Driven by
// it/.../launcher/OhifViewerTest, which asserts on what this writes:
//
//   node dicomweb-client.mjs PLAN.json
//
// PLAN: { "root": service root URL, "study": a Study Instance UID the service holds,
//         "frames": [{ "series", "sop", "frame" }] to retrieve as octet-stream,
//         "store": { "study": a Study Instance UID to store, "files": [PS3.10 files] },
//         "out": a folder for the answers }
// Writes into out: studies.json, series.json, instances-{series}.json (the searches' answers),
// instances/{sop}.dcm (retrieveInstance of every instance found), metadata.json
// (retrieveStudyMetadata), frames/{sop}-{frame}.bin (retrieveInstanceFrames), stored.json
// (storeInstances' answer), stored-instances.json and stored/{sop}.dcm (the stored study searched
// and retrieved again). The last line of stdout is a JSON report; "step" is "done" when every call
// answered, else the step that failed (and "error").
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import XMLHttpRequest from 'xhr2';
import dicomweb from 'dicomweb-client';

globalThis.XMLHttpRequest = XMLHttpRequest;

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const client = new dicomweb.api.DICOMwebClient({ url: plan.root });
const report = { step: 'start' };
const out = plan.out;
for (const folder of ['instances', 'frames', 'stored']) mkdirSync(join(out, folder), { recursive: true });

const uid = (match, tag) => match[tag]?.Value?.[0];
const save = (file, data) => writeFileSync(join(out, file), data instanceof ArrayBuffer ? Buffer.from(data)
  : typeof data === 'string' ? data : JSON.stringify(data, null, 1));

async function retrieveEvery(studyInstanceUID, folder) {
  const series = await client.searchForSeries({ studyInstanceUID });
  const found = [];
  for (const s of series) {
    const seriesInstanceUID = uid(s, '0020000E');
    const instances = await client.searchForInstances({ studyInstanceUID, seriesInstanceUID });
    for (const instance of instances) {
      const sopInstanceUID = uid(instance, '00080018');
      const data = await client.retrieveInstance({ studyInstanceUID, seriesInstanceUID, sopInstanceUID });
      save(join(folder, sopInstanceUID + '.dcm'), data);
      found.push(sopInstanceUID);
    }
  }
  return { series, found };
}

try {
  report.step = 'searchForStudies';
  save('studies.json', await client.searchForStudies());

  report.step = 'searchForSeries';
  const series = await client.searchForSeries({ studyInstanceUID: plan.study });
  save('series.json', series);

  report.step = 'searchForInstances';
  for (const s of series) {
    const seriesInstanceUID = uid(s, '0020000E');
    save(`instances-${seriesInstanceUID}.json`,
      await client.searchForInstances({ studyInstanceUID: plan.study, seriesInstanceUID }));
  }

  report.step = 'retrieveInstance';
  report.retrieved = (await retrieveEvery(plan.study, 'instances')).found.length;

  report.step = 'retrieveStudyMetadata';
  save('metadata.json', await client.retrieveStudyMetadata({ studyInstanceUID: plan.study }));

  report.step = 'retrieveInstanceFrames';
  for (const f of plan.frames) {
    const frames = await client.retrieveInstanceFrames({ studyInstanceUID: plan.study, seriesInstanceUID: f.series,
      sopInstanceUID: f.sop, frameNumbers: [f.frame] });
    if (frames.length !== 1) throw new Error(`${frames.length} frames for frame ${f.frame} of ${f.sop}`);
    save(join('frames', `${f.sop}-${f.frame}.bin`), frames[0]);
  }

  report.step = 'storeInstances';
  const datasets = plan.store.files.map(file => {
    const bytes = readFileSync(file);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  });
  const stored = await client.storeInstances({ datasets });
  save('stored.json', stored instanceof ArrayBuffer ? Buffer.from(stored).toString('utf8')
    : typeof stored === 'string' ? stored : JSON.stringify(stored));

  report.step = 'retrieve stored';
  const again = await retrieveEvery(plan.store.study, 'stored');
  save('stored-instances.json', again.found);
  report.storedRetrieved = again.found.length;

  report.step = 'done';
} catch (error) {
  report.error = String(error?.stack ?? error) + (error?.status ? ` (HTTP ${error.status})` : '');
}
console.log(JSON.stringify(report));
process.exit(report.step === 'done' ? 0 : 1);
