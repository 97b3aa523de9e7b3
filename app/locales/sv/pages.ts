/** The signed-in home and the portal's sections (forums, initiatives, reports, board, admin, account). */
export const pages = {};
