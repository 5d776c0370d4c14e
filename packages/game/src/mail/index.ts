/** Mail (docs/social.md "Mail"): the domain surface the API, later features and the UI build on. */
export { sendMail } from './send-mail';
export { mailDeliveryDelayMs } from './delivery';
export { quoteMail } from './quote-mail';
export { listSentMail } from './list-sent-mail';
export { sendSystemMail, type SystemMailInput } from './send-system-mail';
export { listMail, readMail } from './read-mail';
export { takeMailItems, takeMailEddies } from './take-mail';
export { payMailCod } from './pay-mail-cod';
export { returnMail } from './return-mail';
export { deleteMail } from './delete-mail';
export {
  expireMail,
  purgeMailOf,
  type ExpireMailResult,
  type ExpireMailScope,
} from './expire-mail';
export { assertAtMailTerminal } from './mail-terminal';
