import { z } from 'zod';
import { INVALID_TEXT_MESSAGE, isSafeText } from './primitives';

export const EmailSchema = z
  .string()
  .max(320, { error: 'Enter a valid email address', abort: true })
  .refine(isSafeText, 'Enter a valid email address')
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address' }).max(254));

export const UsernameSchema = z
  .string()
  .trim()
  .min(3, 'Username must be at least 3 characters')
  .max(20, 'Username must be at most 20 characters')
  .regex(/^[A-Za-z0-9_]+$/, 'Username may contain letters, digits and _ only');

export const PasswordSchema = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(128, 'Password must be at most 128 characters')
  .refine(isSafeText, INVALID_TEXT_MESSAGE);

export const RegisterInputSchema = z.object({
  email: EmailSchema,
  username: UsernameSchema,
  password: PasswordSchema,
});
export type RegisterInput = z.infer<typeof RegisterInputSchema>;

export const LoginInputSchema = z.object({
  email: EmailSchema,
  password: z
    .string()
    .min(1, 'Enter your password')
    .max(128)
    .refine(isSafeText, INVALID_TEXT_MESSAGE),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const ChangePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(128),
    newPassword: PasswordSchema,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'The new password must differ from the current one',
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;
