/**
 * Words too common to say anything about an answer, in the languages answers come in. Short
 * lists, written for counting frequent terms: pronouns, articles, prepositions, conjunctions and
 * the commonest auxiliaries. They are used together (an answer's language is not needed, and
 * answers often mix languages), in the form `terms.ts` gives words: lower case, NFKC, accents kept,
 * Arabic without vowel marks.
 */
const ENGLISH = `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing don't down during each either etc few for from further had has have having he her here hers herself him himself
his how however i if in into is it it's its itself just may me might more most must my myself no nor not of off on once only or other our
ours ourselves out over own same shall she should so some such than that that's the their theirs them themselves then there these they this
those through thus to too under until up upon us very was we were what when where whether which while who whom why will with within would
you your yours yourself yourselves`;

const FRENCH = `à a afin ainsi alors au aussi autre aux avec avoir c car ce ceci cela celle celles celui ces cet cette ceux comme d dans de des
donc dont du elle elles en encore entre est et été était être eux il ils j je l la le les leur leurs lors lui m ma mais me même mes moi mon n
ne ni nos notre nous on ont ou où par pas peut plus pour qu quand que quel quelle qui s sa sans se ses si soit son sont sous sur t ta te tes
toi ton tous tout toute toutes très tu un une vos votre vous y`;

const SPANISH = `a al algo algunos ante así cada como con contra cual cuando de del desde donde durante e el él ella ellas ellos en entre era
es esa ese eso esta está están este esto estos estas fue ha han hay la las le les lo los más me mi mis muy ni no nos nuestra nuestro o otra
otro otros para pero por porque que qué quien se ser si sí sin sobre son su sus también tanto te todo todos tu u un una unas uno unos y ya`;

const RUSSIAN = `а без более бы был была были было быть в вам вас ведь во вот все всё всего всех вы где да даже для до его ее её ей если есть
еще ещё же за здесь и из или им их к как какая какой когда кто ли либо между меня мне может можно мы на над надо наш не него нее неё нет ни
них но ну о об однако он она они оно от по под после при про с сам себя со так также такой там те тем то того тоже только том тот у уже
чем что чтобы эта эти это этого этой этом этот эту я`;

const ARABIC = `أن أو أي أيضا إذا إلى إن ان او اذا الى ايضا الذي الذين التي بين به بها بعد تلك ثم حتى حول عبر على عن عند غير في فيه فيها قبل
قد كان كانت كل كما لا لكن لم لن له لها ما مع من نحو هذا هذه هناك هو هي هم و ذلك ضمن`;

const CHINESE = `的 了 和 与 及 以及 或 等 也 都 而 并 对 为 以 将 被 把 这 那 这些 那些 之 其 中 上 下 我 你 他 她 它 我们 他们 有 是 在 个 一个 就 不 要 会
可以 因为 所以 但是 如果`;

/** Every stop word of every list. */
export const STOP_WORDS: ReadonlySet<string> = new Set([ENGLISH, FRENCH, SPANISH, RUSSIAN, ARABIC, CHINESE].flatMap((list) => list.split(/\s+/)).filter(Boolean));
