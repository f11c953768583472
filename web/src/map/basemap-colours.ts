/** The basemap's land and sea, shared by the country outlines and the center's vector basemap. */
export const LAND = '#f4f1e8';
export const SEA = '#cfe3ef';
export const BORDER = '#7b8794';
