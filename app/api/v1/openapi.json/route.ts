import { publicRoute } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

/** Public: the API's description holds no data. */
export const GET = publicRoute(async () => openApiDocument);
