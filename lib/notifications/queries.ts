/** Reads of the signed-in user's own notices: the recipient is the session's user, never an id from the request. */
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { readLeadTimes } from "@/lib/notifications/lead-settings";
import { countUnread, listNoticesOf } from "@/lib/notifications/notices";
import { deliveryLogForOffice, robotsForOffice } from "@/lib/notifications/robot-admin";

export function countMyUnreadNotifications(user: SessionUser): Promise<number> {
  return countUnread(db, user.id);
}

export function listMyNotifications(user: SessionUser, cursor?: string) {
  return listNoticesOf(db, user.id, cursor);
}

export function listRobotsForOffice(user: SessionUser) {
  return robotsForOffice(db, user);
}

export function listRobotDeliveries(user: SessionUser) {
  return deliveryLogForOffice(db, user);
}

export function listChannelOptions(user: SessionUser) {
  if (user.role !== "ADMIN") return Promise.resolve([]);
  return db.channel.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}

/** The lead times of the timed messages (the office's setting). */
export function getLeadTimesForOffice(user: SessionUser) {
  if (user.role !== "ADMIN") return Promise.resolve(null);
  return readLeadTimes(db);
}
