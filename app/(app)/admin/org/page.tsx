import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "组织架构" };

const SECTIONS = [
  { href: "/admin/org/users", title: "账号", text: "新建、编辑、重置密码、停用；批量导入。" },
  { href: "/admin/org/units", title: "单位", text: "新建、更名、驻地位置、撤销、合并。" },
  { href: "/admin/org/lines", title: "分管线和指挥部", text: "牵头领导和所属单位。" },
  { href: "/admin/org/key-tasks", title: "重点工作", text: "名称和所属分管线。" },
  { href: "/admin/org/groups", title: "考核组", text: "成员；考核范围的增减（按生效日期记录）。" },
  { href: "/admin/org/channels", title: "工作群", text: "成员单位和领导。" },
  { href: "/admin/robots", title: "群机器人", text: "企业微信、钉钉群机器人的 Webhook 地址，发送测试和发送记录。" },
  { href: "/admin/security/logins", title: "登录限制", text: "因多次输错密码被暂时锁定的账号，在这里解锁。" },
];

export default async function OrgPage() {
  await requireUser(["ADMIN"]);
  return (
    <div className="space-y-5">
      <PageHeader title="组织架构" description="全区的账号、单位和考核组由督查室在这里维护；每一次修改都记入操作记录。" />
      <ul className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Card>
              <CardTitle>
                <Link href={s.href} className="text-brand-700 underline">
                  {s.title}
                </Link>
              </CardTitle>
              <p className="mt-1 text-stone-700">{s.text}</p>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
