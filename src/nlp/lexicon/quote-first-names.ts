/**
 * Common given names with the pronoun news copy uses for them, so "she said" after a mention of
 * "Hillary Clinton" and then "Donald Trump" resolves to Clinton. A hint only: an unknown name stays
 * compatible with both pronouns. Sources: the most frequent US given names (SSA lists) and the given
 * names of frequently quoted public figures. Lowercase.
 */
export const FEMININE_GIVEN_NAMES: ReadonlySet<string> = new Set([
  'mary', 'patricia', 'jennifer', 'linda', 'elizabeth', 'barbara', 'susan', 'jessica', 'sarah', 'karen',
  'nancy', 'lisa', 'betty', 'margaret', 'sandra', 'ashley', 'kimberly', 'emily', 'donna', 'michelle',
  'dorothy', 'carol', 'amanda', 'melissa', 'deborah', 'stephanie', 'rebecca', 'sharon', 'laura', 'cynthia',
  'kathleen', 'amy', 'shirley', 'angela', 'helen', 'anna', 'brenda', 'pamela', 'nicole', 'emma', 'samantha',
  'katherine', 'christine', 'debra', 'rachel', 'catherine', 'carolyn', 'janet', 'ruth', 'maria', 'heather',
  'diane', 'virginia', 'julie', 'joyce', 'victoria', 'olivia', 'kelly', 'christina', 'lauren', 'joan',
  'evelyn', 'judith', 'megan', 'cheryl', 'andrea', 'hannah', 'martha', 'jacqueline', 'frances', 'gloria',
  'ann', 'teresa', 'kathryn', 'sara', 'janice', 'jean', 'alice', 'madison', 'doris', 'abigail', 'julia',
  'judy', 'grace', 'denise', 'amber', 'marilyn', 'beverly', 'danielle', 'theresa', 'sophia', 'marie',
  'diana', 'brittany', 'natalie', 'isabella', 'charlotte', 'rose', 'alexis', 'kayla', 'hillary', 'kamala',
  'nikki', 'claudia', 'angela', 'theresa', 'ursula', 'christine', 'kristalina', 'janet', 'condoleezza',
  'madeleine', 'melania', 'ivanka', 'chelsea', 'huma', 'kellyanne', 'sarah', 'hope', 'jill', 'tulsi',
  'elizabeth', 'alexandria', 'ilhan', 'rashida', 'liz', 'lisa', 'susan', 'dianne', 'kirsten', 'amy',
  'marine', 'giorgia', 'jacinda', 'liz', 'golda', 'indira', 'benazir', 'yulia', 'karine',
  'jen', 'dana', 'kayleigh', 'stephanie', 'nicola', 'priti', 'yvette', 'harriet', 'mette', 'sanna',
  'annalena', 'ségolène', 'michèle', 'maxine', 'nancy', 'tammy', 'debbie', 'donna', 'kate',
]);

export const MASCULINE_GIVEN_NAMES: ReadonlySet<string> = new Set([
  'james', 'robert', 'john', 'michael', 'david', 'william', 'richard', 'joseph', 'thomas', 'charles',
  'christopher', 'daniel', 'matthew', 'anthony', 'mark', 'donald', 'steven', 'paul', 'andrew', 'joshua',
  'kenneth', 'kevin', 'brian', 'george', 'timothy', 'ronald', 'edward', 'jason', 'jeffrey', 'ryan', 'jacob',
  'gary', 'nicholas', 'eric', 'jonathan', 'stephen', 'larry', 'justin', 'scott', 'brandon', 'benjamin',
  'samuel', 'gregory', 'alexander', 'frank', 'patrick', 'raymond', 'jack', 'dennis', 'jerry', 'tyler',
  'aaron', 'jose', 'adam', 'nathan', 'henry', 'douglas', 'zachary', 'peter', 'kyle', 'ethan', 'walter',
  'noah', 'jeremy', 'christian', 'keith', 'roger', 'terry', 'gerald', 'harold', 'sean', 'austin', 'carl',
  'arthur', 'lawrence', 'dylan', 'jesse', 'jordan', 'bryan', 'billy', 'joe', 'bruce', 'gabriel', 'logan',
  'albert', 'willie', 'alan', 'juan', 'wayne', 'elijah', 'randy', 'roy', 'vincent', 'ralph', 'eugene',
  'russell', 'bobby', 'mason', 'philip', 'louis', 'barack', 'bill', 'mike', 'bernie', 'ted', 'marco',
  'jeb', 'chris', 'rick', 'ben', 'rand', 'mitt', 'mitch', 'newt', 'rudy', 'rudolph', 'reince', 'sean',
  'steve', 'jared', 'vladimir', 'xi', 'emmanuel', 'boris', 'rishi', 'keir', 'olaf', 'justin', 'narendra',
  'recep', 'benjamin', 'volodymyr', 'nicolas', 'nicolás', 'kim', 'jair', 'luiz', 'andrés', 'javier',
  'gavin', 'ron', 'greg', 'tim', 'jd', 'pete', 'kevin', 'chuck', 'harry', 'paul', 'lindsey', 'tom', 'tony',
  'jim', 'bob', 'dick', 'al', 'colin', 'hugo', 'fidel', 'raul', 'evo', 'gustavo', 'sergei', 'dmitry',
  'antony', 'lloyd', 'merrick', 'jake', 'elon', 'jeff', 'warren', 'kurt', 'corey', 'jason', 'jerome',
  'richard', 'rex', 'rodrigo', 'shinzo', 'fumio', 'moon', 'ali', 'mohammed', 'muhammad', 'ahmed', 'hassan',
]);
