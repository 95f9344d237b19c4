"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, SelectField } from "@/components/ui/field";
import { UnitSelect } from "@/components/ui/unit-select";
import { createUserAction, importUsersAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/lib/org/actions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { ROLE_VALUES } from "@/lib/org/schemas";
import { SheetImportForm } from "@/components/org/import-form";

export type UnitOption = { id: string; name: string; kind: "TOWN" | "DEPARTMENT" };
export type UserFormValues = {
  id: string;
  username: string;
  name: string;
  title: string | null;
  phone: string | null;
  role: (typeof ROLE_VALUES)[number];
  unitId: string | null;
};

function UserUnitSelect({ units, defaultValue, errors }: { units: UnitOption[]; defaultValue: string; errors?: string[] }) {
  return (
    <UnitSelect
      id="field-unitId"
      label="所属单位"
      name="unitId"
      units={units}
      defaultValue={defaultValue}
      emptyLabel="不属于单位"
      errors={errors}
      hint="单位负责人和信息员必选；其他角色不选"
      className="sm:col-span-2"
    />
  );
}

/** Shows a one-time password once, selectable for copying. */
function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <div className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="one-time-password" className="block text-sm font-medium text-amber-950">
        {username} 的一次性密码（只显示这一次）
      </label>
      <input
        id="one-time-password"
        readOnly
        value={password}
        onFocus={(e) => e.target.select()}
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 font-mono text-base"
      />
      <p className="text-sm text-amber-950">本人登录后须立即修改。离开本页后无法再查看，只能重新重置。</p>
    </div>
  );
}

export function UserForm({ units, user }: { units: UnitOption[]; user?: UserFormValues }) {
  return (
    <ActionForm action={user ? updateUserAction : createUserAction} className="max-w-2xl space-y-4" aria-label={user ? "编辑账号" : "新建账号"} message={false}>
      {({ errors, state }) => (
        <>
          {user ? <input type="hidden" name="id" value={user.id} /> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            {user ? (
              <p className="sm:col-span-2 text-stone-700">
                用户名：<span className="font-mono">{user.username}</span>（不能修改）
              </p>
            ) : (
              <Field
                label="用户名"
                name="username"
                required
                autoComplete="off"
                hint="登录用，3–32 位小写字母、数字、点、下划线或连字符"
                errors={errors.username}
              />
            )}
            <Field label="姓名" name="name" required maxLength={40} defaultValue={user?.name} errors={errors.name} />
            <Field label="职务" name="title" maxLength={40} defaultValue={user?.title ?? ""} errors={errors.title} />
            <Field label="手机号" name="phone" type="tel" inputMode="tel" defaultValue={user?.phone ?? ""} errors={errors.phone} />
            <SelectField label="角色" name="role" required defaultValue={user?.role ?? ""} errors={errors.role}>
              <option value="">请选择</option>
              {ROLE_VALUES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <UserUnitSelect units={units} defaultValue={user?.unitId ?? ""} errors={errors.unitId} />
          </div>
          <ActionMessage />
          {state.ok && state.data?.password ? (
            <>
              <OneTimePassword username={state.data.username} password={state.data.password} />
              <a href={`/admin/org/users/${state.data.id}`} className="text-brand-700 underline">
                查看账号 {state.data.username}
              </a>
            </>
          ) : null}
          <SubmitButton pendingLabel="正在保存…">{user ? "保存" : "创建账号"}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ResetPasswordForm({ id, username }: { id: string; username: string }) {
  return (
    <ActionForm
      action={resetPasswordAction}
      message={false}
      confirm={{
        title: `重置 ${username} 的密码？`,
        body: "原密码立即失效，此人所有的登录和 API 令牌随即失效；新的一次性密码只显示一次。",
        confirmLabel: "重置密码",
        danger: true,
      }}
      className="space-y-3"
      aria-label="重置密码"
    >
      {({ state }) => (
        <>
          <input type="hidden" name="id" value={id} />
          <ActionMessage />
          {state.ok && state.data?.password ? <OneTimePassword username={state.data.username} password={state.data.password} /> : null}
          <SubmitButton variant="danger">重置密码</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function UserActiveForm({ id, username, active }: { id: string; username: string; active: boolean }) {
  return (
    <ActionForm
      action={setUserActiveAction}
      confirm={
        active
          ? { title: `停用 ${username}?`, body: "停用后，此人已打开的页面和 API 令牌立即失效，不能再登录；可以再启用。", confirmLabel: "停用", danger: true }
          : undefined
      }
      className="space-y-3"
      aria-label={active ? "停用账号" : "启用账号"}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton variant={active ? "danger" : "secondary"}>{active ? "停用账号" : "启用账号"}</SubmitButton>
    </ActionForm>
  );
}

export function UserImportForm() {
  return (
    <SheetImportForm
      action={importUsersAction}
      label="导入账号"
      fileLabel="账号表（.xlsx）"
      caption="新账号的一次性密码"
      headers={["用户名", "姓名", "一次性密码"]}
      monospace={[0, 2]}
    />
  );
}
