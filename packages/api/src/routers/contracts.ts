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
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * Player contracts (docs/economy.md "Contracts"): every rule is in
 * packages/game/src/contracts; each procedure parses, names the caller's own character
 * and calls the domain. The moderators' side (queue, ruling) is in the moderation router.
 */
export const contractsRouter = createTRPCRouter({
  board: characterProcedure.input(ContractBoardInputSchema).query(({ ctx, input }) =>
    contractBoard(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  mine: characterProcedure
    .input(ContractMineInputSchema)
    .query(({ ctx, input }) => myContracts(ctx.deps, { characterId: input.characterId })),
  /** a contract's case (evidence, delivered items, ruling) for one of its two sides */
  case: characterProcedure.input(ContractRefSchema).query(({ ctx, input }) =>
    contractCase(ctx.deps, {
      contractId: input.contractId,
      viewer: { characterId: input.characterId },
    }),
  ),
  post: characterProcedure.input(ContractPostInputSchema).mutation(({ ctx, input }) =>
    postContract(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  accept: characterProcedure.input(ContractRefSchema).mutation(({ ctx, input }) =>
    acceptContract(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  cancel: characterProcedure.input(ContractRefSchema).mutation(({ ctx, input }) =>
    cancelContract(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  abandon: characterProcedure.input(ContractRefSchema).mutation(({ ctx, input }) =>
    abandonContract(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  deliver: characterProcedure.input(ContractRefSchema).mutation(({ ctx, input }) =>
    deliverContract(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  confirm: characterProcedure.input(ContractRefSchema).mutation(({ ctx, input }) =>
    confirmContract(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  dispute: characterProcedure.input(ContractDisputeInputSchema).mutation(({ ctx, input }) =>
    disputeContract(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  evidence: characterProcedure.input(ContractEvidenceInputSchema).mutation(({ ctx, input }) =>
    addContractEvidence(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  rate: characterProcedure.input(ContractRateInputSchema).mutation(({ ctx, input }) =>
    rateContract(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
});
