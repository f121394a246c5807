/** The article the crash tests add: a short report with quotes the analysis attributes. */
export const CRASH_ARTICLE = [
  'Harbour to reopen in May',
  'The harbour will reopen in May, the mayor said on Tuesday.',
  '"We have waited long enough for this," Mayor Ana Ruiz said at the town hall.',
  '"The boats are ready and so are we," Ruiz told reporters after the vote.',
  'The council approved the repairs last year.',
].join('\n\n');
