/**
 * The loader with message context-menu commands: names unique per kind (a menu and a slash command
 * may share one), user menus refused by file, definitions in a stable order (slash commands, then
 * menus), and a new menu changing the definitions' hash (so the bot registers again).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isMessageCommand, messageCommands, slashCommands } from '../../src/core/command';
import { CommandLoadError, commandDefinitions, definitionsHash, loadCommands } from '../../src/core/loader';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A folder of command modules written as plain objects (what the builders' toJSON() gives). */
function folder(files: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lede-menus-'));
  dirs.push(dir);
  for (const [name, json] of Object.entries(files)) {
    const body = json as { name: string };
    writeFileSync(join(dir, name), `export default { data: { name: ${JSON.stringify(body.name)}, toJSON() { return ${JSON.stringify(json)}; } }, async execute() {} };\n`);
  }
  return dir;
}

const slash = (name: string) => ({ name, description: `the ${name} command`, type: 1 });
const menu = (name: string) => ({ name, type: 3 });

describe('loading message menus', () => {
  it('GIVEN a slash command and a menu with one name THEN both load, each in its kind, slash commands first in the definitions', async () => {
    const commands = await loadCommands(folder({ 'a.ts': menu('summarize'), 'b.ts': slash('summarize'), 'c.ts': menu('Key quotes'), 'd.ts': slash('ask') }));
    expect(slashCommands(commands).map((c) => c.data.name)).toEqual(['summarize', 'ask']);
    expect(messageCommands(commands).map((c) => c.data.name)).toEqual(['summarize', 'Key quotes']);
    expect(commands.map(isMessageCommand)).toEqual([true, false, true, false]);
    expect(commandDefinitions(commands).map((d) => `${d.type}:${d.name}`)).toEqual(['1:ask', '1:summarize', '3:Key quotes', '3:summarize']);
  });

  it('GIVEN two menus with one name THEN the error names the file and the other', async () => {
    await expect(loadCommands(folder({ 'a.ts': menu('Summarize'), 'b.ts': menu('Summarize') }))).rejects.toThrow(
      new CommandLoadError('b.ts', 'message menu name "Summarize" is already used by a.ts'),
    );
  });

  it('GIVEN a user menu (type 2) THEN refused by file', async () => {
    await expect(loadCommands(folder({ 'who.ts': { name: 'Who is this', type: 2 } }))).rejects.toThrow(
      new CommandLoadError('who.ts', 'user context-menu commands are not supported (a command is a slash command or a message menu)'),
    );
  });

  it('GIVEN a menu added THEN the definitions hash changes (the bot registers again on its next start)', async () => {
    const before = await loadCommands(folder({ 'a.ts': slash('ask') }));
    const after = await loadCommands(folder({ 'a.ts': slash('ask'), 'b.ts': menu('Summarize') }));
    expect(definitionsHash(after)).not.toBe(definitionsHash(before));
  });

  it('GIVEN the commands folder THEN the three menus of Lede are message menus', async () => {
    expect(messageCommands(await loadCommands()).map((c) => c.data.name).sort()).toEqual(['Key quotes', 'Save article', 'Summarize']);
  });
});
