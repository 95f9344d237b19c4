import { apiRoute } from "@/lib/api/handler";

export const GET = apiRoute({}, async ({ user }) => ({
  id: user.id,
  username: user.username,
  name: user.name,
  role: user.role,
  unit: user.unitId ? { id: user.unitId, name: user.unitName } : null,
}));
