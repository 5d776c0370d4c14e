/** Player contracts: post, take, deliver, confirm or dispute, arbitration, ratings (issue 29; docs/economy.md). */
export { postContract } from './post-contract';
export { acceptContract } from './accept-contract';
export { abandonContract, cancelContract, confirmContract } from './end-contract';
export { deliverContract } from './deliver-contract';
export { addContractEvidence, disputeContract } from './dispute-contract';
export { noteContractCase, ruleContract } from './rule-contract';
export { rateContract } from './rate-contract';
export { contractBoard, myContracts } from './read-contracts';
export { arbitrationQueue, contractCase } from './read-cases';
export { ratingsOf } from './ratings';
export { CONTRACT_CRONTAB, CONTRACT_TASK, runContractTimeouts } from './contract-timeouts';
export { contractOutboxSubscriber } from './contract-progress';
export { isPersonalAddress } from './conflict-of-interest';
