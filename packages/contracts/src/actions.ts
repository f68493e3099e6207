/**
 * The input of every workflow action (one zod object per action of MATTER_ACTIONS), shared by the
 * server (validation, OpenAPI) and the web app (forms). Each carries the `version` the user saw.
 */
import { z } from 'zod';
import { MEDIATION_LEVELS, type MatterAction } from '@hall/domain';
import { Id, Int, IsoDate, LongText, Optional, Text, Version } from './common.ts';

/** Free text of the action dialogs (text areas); names and organs are one line (`Text`). */
const text = (max = 2000) => LongText(max);
const version = Version;

export const TransferChannel = z.enum(['reconsideration', 'arbitration', 'judicialMediation', 'litigation']);
export const AssignmentOrigin = z.enum(['window', 'regularMeeting', 'mediation', 'directorMeeting', 'leaderDay']);
export const OpinionOutcome = z.enum(['support', 'explain', 'notSupport']);
export const DeliveryWay = z.enum(['inPerson', 'post', 'other']);
export const OpinionView = z.enum(['agree', 'disagree', 'none']);
export const SupervisionKind = z.enum(['daily', 'weekly', 'monthly']);
export const Rating = z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied', 'notRated']);
export const Criterion = z.object({ pass: z.boolean(), note: text(500).default('') });

export const ACTION_INPUTS = {
  /** R1.9: when the same matter was closed for good before, why this one is a new matter (new facts and reasons). */
  accept: z.object({ reason: text(1000).default(''), newMatterReason: text(1000).default(''), version }),
  notAccept: z.object({ reason: text(1000).default(''), channel: Optional(200), version }),
  noLongerAccept: z.object({ reason: text(1000).default(''), version }),
  directReply: z.object({
    reply: text(4000),
    agrees: z.boolean(),
    ceases: z.boolean(),
    signedName: Optional(50),
    version,
  }),
  transferToCounty: z.object({ unitId: Id, note: text(1000).default(''), version }),
  transferToChannel: z.object({
    channel: TransferChannel.nullish(),
    windowId: Id.nullish(),
    consent: z.boolean(),
    note: text(1000).default(''),
    version,
  }),
  recordLegalAid: z.object({ qualifies: z.boolean(), note: text(1000).default(''), version }),
  /** R1.8: the county records that it received the matter transferred to it. */
  countyReceive: z.object({ note: text(1000).default(''), version }),
  /** R1.8: the county records the answer it gave the petitioner and the day it gave it. */
  countyAnswer: z.object({ answer: text(4000).default(''), answeredOn: IsoDate, version }),
  startMediation: z.object({ note: text(1000).default(''), version }),
  recordMeeting: z.object({
    level: z.enum(MEDIATION_LEVELS),
    heldOn: IsoDate,
    chair: Text(50).min(1),
    participants: text(500).min(1),
    outcome: z.enum(['agreement', 'noAgreement']),
    summary: text(4000).min(1),
    /** With an agreement: the responsible unit and, if it promised one, its date (else one week, R1.14). */
    unitId: Id.nullish(),
    promisedDate: IsoDate.nullish(),
    version,
  }),
  notifyAcceptance: z.object({ note: text(1000).default(''), version }),
  proposeAssignment: z.object({
    unitId: Id,
    origin: AssignmentOrigin.default('window'),
    /** A limit set by the assigning side instead of the 60 days (R1.19). */
    limitDays: z.number().int().min(1).max(365).nullish(),
    note: text(1000).default(''),
    version,
  }),
  approveAssignment: z.object({ note: text(1000).default(''), version }),
  refuseAssignment: z.object({ reason: text(1000).default(''), version }),
  signFor: z.object({ note: text(1000).default(''), version }),
  object: z.object({ reason: text(1000).default(''), version }),
  reassign: z.object({ unitId: Id, note: text(1000).default(''), version }),
  urge: z.object({ reason: text(1000).default(''), version }),
  summonHandler: z.object({ summonedFor: Text(30).default(''), note: text(1000).default(''), version }),
  supervise: z.object({ kind: SupervisionKind, demand: text(1000).default(''), progress: text(2000).default(''), version }),
  requestExtension: z.object({ days: Int, reason: text(1000).default(''), version }),
  approveExtension: z.object({ note: text(1000).default(''), petitionerToldOn: IsoDate.nullish(), version }),
  refuseExtension: z.object({ reason: text(1000).default(''), version }),
  fileSpecialReport: z.object({ report: text(8000).default(''), version }),
  issueOpinion: z.object({
    outcome: OpinionOutcome,
    facts: text(8000).default(''),
    reasons: text(8000).default(''),
    basis: text(4000).default(''),
    version,
  }),
  recordDelivery: z.object({
    way: DeliveryWay,
    deliveredOn: IsoDate,
    /** The petitioner signed for it, or refused to sign. */
    signed: z.boolean(),
    view: OpinionView,
    note: text(1000).default(''),
    version,
  }),
  unitSignOff: z.object({ headName: Text(50).min(1), sealed: z.boolean(), version }),
  reviewCase: z.object({
    criteria: z.object({
      factsClear: Criterion,
      evidenceConclusive: Criterion,
      basisSufficient: Criterion,
      characterisationAccurate: Criterion,
      handlingAppropriate: Criterion,
    }),
    version,
  }),
  signOff: z.object({ note: text(1000).default(''), version }),
  deemClosed: z.object({ reason: text(1000).default(''), version }),
  requestReview: z.object({ organ: Text(100).default(''), requestedOn: IsoDate, version }),
  recordReviewResult: z.object({ result: text(4000).default(''), version }),
  requestReReview: z.object({ organ: Text(100).default(''), requestedOn: IsoDate, version }),
  recordReReviewResult: z.object({ result: text(4000).default(''), version }),
  rate: z.object({ unitRating: Rating, officeRating: Rating, version }),
} satisfies Record<MatterAction, z.ZodObject>;

export type ActionInputs = { [A in MatterAction]: z.input<(typeof ACTION_INPUTS)[A]> };
export type ActionData = { [A in MatterAction]: z.output<(typeof ACTION_INPUTS)[A]> };

/** Kept for the walking skeleton's names. */
