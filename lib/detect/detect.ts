/**
 * Is this a plan page? A pure, cheap check over a bounded sample of the page.
 *
 * A small logistic model: {@link readFeatures} measures about thirty readable cues (the page names
 * itself a 政府工作报告, 国民经济和社会发展计划, 规划纲要, 行动方案, 民生实事 list or 施政报告; target
 * wording such as 预期目标, 左右, 不低于; and the cues of look-alikes: 统计公报, congress procedure,
 * word-count commentary, company, admissions, sports, budget and encyclopedia pages, and a plan's
 * name as the object of 审议/听取/解读), plus the page's phrasing — its character bigrams hashed into
 * a table of weights (phrasing.ts). The weights in `weights.generated.ts` — fitted on the corpus's
 * tuning pages by `npm run fit:detect`, never edited by hand — add up to a score (a log-odds).
 * The page matches when the score reaches {@link MATCH_THRESHOLD}. The kind is that of the type cues that weigh most (report: work reports
 * and policy addresses; plan: annual and five-year plans, livelihood lists; policy: action plans).
 *
 * @module
 */
import { FEATURE_IDS, FEATURE_KIND, foldSample, MAX_TEXT, readFeatures, type FeatureId } from './features';
import { scorePhraseBuckets } from './phrasing';
import { hasChineseText, noChineseTextVerdict } from './prefilter';
import { DETECTOR_BIAS, DETECTOR_WEIGHTS, PHRASE_SCALE, PHRASE_WEIGHTS } from './weights.generated';

export type { PageSample, PlanKind } from './sample';
import type { PageSample, PlanKind } from './sample';

/** The verdict, with its reasons. */
export interface Detection {
  match: boolean;
  kind: PlanKind | null;
  /** The model's log-odds that this is a plan page, to two decimals. */
  score: number;
  /**
   * Reason ids (a feature id such as `lead-work-report`, or `no-chinese-text`), strongest first;
   * a `-` prefix marks a reason against. The popup words them in the reader's language.
   */
  signals: string[];
}

/**
 * The score (log-odds) a page needs to be a plan page: even odds, which on dev-page
 * cross-validation by site gives the fewest missed plans plus false alarms (lib/detect/README.md).
 */
export const MATCH_THRESHOLD = 0;
/**
 * A cue's contribution (in log-odds) below which it is not listed as a reason. Low, because the
 * bigrams carry much of the score and leave the readable cues smaller weights: with the 8,192-bucket
 * table a bulletin's name in the lead weighs −0.18 (`-lead-statistics`), and 0.2 left a rejected
 * statistics bulletin with no reason against at all.
 */
const MIN_REASON = 0.15;
/** Reasons listed at most. */
const MAX_REASONS = 6;

/**
 * Log-odds taken off a page whose sample is mostly link text (an index or list page whose link
 * titles name plans). Set by hand, not fitted: corpus pages are plain text, without links.
 */
const LINK_PENALTY = -6;
/** Share of the sample in links above which the page is an index or list, not a document. */
const MAX_LINK_SHARE = 0.5;

/**
 * Decides whether `sample` is a plan page and of which kind.
 *
 * Works on simplified, traditional and pinyin-laced text (`政府工作報(bào)告`) and on PDF text with
 * spaces and line breaks inside words; a page without title or headings (a plain-text page) is
 * judged by its first lines. Reads at most 20,000 characters of `text`. A page without any Han
 * character in title or text is rejected at once (most pages a browser opens; the gate makes the
 * same check itself, `prefilter.ts`, and sends only the other pages' samples here).
 */
export function detectPlanPage(sample: PageSample): Detection {
  if (!hasChineseText(sample.title, sample.text.slice(0, MAX_TEXT))) return noChineseTextVerdict();
  const folded = foldSample(sample);
  const features = readFeatures(folded);
  let score = DETECTOR_BIAS;
  const reasons: Array<[FeatureId | 'mostly-links' | 'plan-phrasing' | 'other-phrasing', number]> = [];
  // The kind is read from the lead's cues (what the page calls itself) when any fires, else the text's.
  const leadKind: Record<PlanKind, number> = { plan: 0, report: 0, policy: 0 };
  const textKind: Record<PlanKind, number> = { plan: 0, report: 0, policy: 0 };
  // An index loop: this runs once per page in the gate, cold, where an iterator step is a call.
  for (let k = 0; k < FEATURE_IDS.length; k++) {
    const id = FEATURE_IDS[k]!;
    const contribution = DETECTOR_WEIGHTS[id] * features[id];
    if (contribution === 0) continue;
    score += contribution;
    const kind = FEATURE_KIND[id];
    if (kind && contribution > 0) (id.startsWith('lead-') ? leadKind : textKind)[kind] += contribution;
    if (Math.abs(contribution) >= MIN_REASON) reasons.push([id, contribution]);
  }
  const phrasing = scorePhraseBuckets(folded.phraseLead, folded.text, PHRASE_WEIGHTS, PHRASE_SCALE);
  score += phrasing;
  if (Math.abs(phrasing) >= MIN_REASON)
    reasons.push([phrasing > 0 ? 'plan-phrasing' : 'other-phrasing', phrasing]);
  if (folded.linkShare > MAX_LINK_SHARE) {
    score += LINK_PENALTY;
    reasons.push(['mostly-links', LINK_PENALTY]);
  }
  reasons.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const match = score >= MATCH_THRESHOLD;
  return {
    match,
    kind: match
      ? pickKind(leadKind.plan + leadKind.report + leadKind.policy > 0 ? leadKind : textKind)
      : null,
    score: Math.round(score * 100) / 100,
    signals: reasons.slice(0, MAX_REASONS).map(([id, c]) => (c < 0 ? `-${id}` : id)),
  };
}

/** The kind whose cues weigh most; ties and no cue at all: plan, then report, then policy. */
function pickKind(byKind: Record<PlanKind, number>): PlanKind {
  let kind: PlanKind = 'plan';
  if (byKind.report > byKind[kind]) kind = 'report';
  if (byKind.policy > byKind[kind]) kind = 'policy';
  return kind;
}
