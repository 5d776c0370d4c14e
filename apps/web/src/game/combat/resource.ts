/** Each class has one pool: netrunners spend RAM, everyone else stamina. */
export const resourceName = (classId: string) => (classId === 'netrunner' ? 'RAM' : 'stamina');
export const resourceLabel = (classId: string) => (classId === 'netrunner' ? 'RAM' : 'STAMINA');
