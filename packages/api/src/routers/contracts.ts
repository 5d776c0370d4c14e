import {
  ContractBoardInputSchema,
  ContractDisputeInputSchema,
  ContractEvidenceInputSchema,
  ContractMineInputSchema,
  ContractPostInputSchema,
  ContractRateInputSchema,
  ContractRefSchema,
} from '@necp/shared';
import {
  abandonContract,
  acceptContract,
  addContractEvidence,
  cancelContract,
  confirmContract,
  contractBoard,
  contractCase,
  deliverContract,
  disputeContract,
  myContracts,
  postContract,
  rateContract,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

/**
 * Player contracts (docs/economy.md "Contracts"): every rule is in
 * packages/game/src/contracts; each procedure parses, names the caller's own character
 * and calls the domain. The moderators' side (queue, ruling) is in the moderation router.
 */
export const contractsRouter = createTRPCRouter({
  board: protectedProcedure.input(ContractBoardInputSchema).query(async ({ ctx, input }) =>
    contractBoard(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  mine: protectedProcedure
    .input(ContractMineInputSchema)
    .query(async ({ ctx, input }) =>
      myContracts(ctx.deps, { characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  /** a contract's case (evidence, delivered items, ruling) for one of its two sides */
  case: protectedProcedure.input(ContractRefSchema).query(async ({ ctx, input }) =>
    contractCase(ctx.deps, {
      contractId: input.contractId,
      viewer: { characterId: await ownCharacterId(ctx, input.characterId) },
    }),
  ),
  post: protectedProcedure.input(ContractPostInputSchema).mutation(async ({ ctx, input }) =>
    postContract(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  accept: protectedProcedure.input(ContractRefSchema).mutation(async ({ ctx, input }) =>
    acceptContract(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  cancel: protectedProcedure.input(ContractRefSchema).mutation(async ({ ctx, input }) =>
    cancelContract(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  abandon: protectedProcedure.input(ContractRefSchema).mutation(async ({ ctx, input }) =>
    abandonContract(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  deliver: protectedProcedure.input(ContractRefSchema).mutation(async ({ ctx, input }) =>
    deliverContract(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  confirm: protectedProcedure.input(ContractRefSchema).mutation(async ({ ctx, input }) =>
    confirmContract(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  dispute: protectedProcedure.input(ContractDisputeInputSchema).mutation(async ({ ctx, input }) =>
    disputeContract(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  evidence: protectedProcedure.input(ContractEvidenceInputSchema).mutation(async ({ ctx, input }) =>
    addContractEvidence(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  rate: protectedProcedure.input(ContractRateInputSchema).mutation(async ({ ctx, input }) =>
    rateContract(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
});
